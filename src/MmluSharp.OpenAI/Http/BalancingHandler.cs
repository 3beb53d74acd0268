namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Sends each attempt to the endpoint with the fewest requests in flight (ties in turn), so a retry may go to
/// another replica.
/// </summary>
internal sealed class BalancingHandler(EndpointSet endpoints) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<string> RelativeKey = new("MmluSharp.OpenAI.Relative");
    private readonly int[] inFlight = new int[endpoints.Bases.Count];
    private int turn;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (inFlight.Length == 1 || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!request.Options.TryGetValue(RelativeKey, out var relative))
        {
            relative = endpoints.Relative(request.RequestUri);
            request.Options.Set(RelativeKey, relative);
        }

        var chosen = Choose();
        request.RequestUri = new Uri(endpoints.Bases[chosen], relative);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight[chosen]);
        }
    }

    private int Choose()
    {
        lock (inFlight)
        {
            var start = turn++ % inFlight.Length;
            var best = start;
            for (var k = 1; k < inFlight.Length; k++)
            {
                var i = (start + k) % inFlight.Length;
                if (inFlight[i] < inFlight[best])
                {
                    best = i;
                }
            }

            inFlight[best]++;
            return best;
        }
    }
}
