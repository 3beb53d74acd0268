using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Answers a POST from the cache when any replica has answered the same body at the same path and the stored answer
/// still passes <see cref="AnswerCheck"/> (one that does not, e.g. stored by an older version, is asked again and
/// replaced), else sends it and stores the successful answer, which the pipeline has already checked, under the key of
/// the replica that served it (when the request carries a <see cref="CacheCommit"/>, only once the adapter has
/// accepted the answer). The key is SHA-256 of base URL (without user-info), path and body (which holds the model);
/// headers, and so the API key, are not part of it.
/// </summary>
internal sealed class CachingHandler(ResponseCache cache, EndpointSet endpoints, EndpointCounters counters) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.Content is null || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var relative = endpoints.Relative(request.RequestUri);
        var keys = endpoints.Bases.Select(b => Key(b, relative, body)).ToList();
        if (cache.Find(keys) is { } hit && AnswerCheck.Accepts(request, hit.Body))
        {
            counters.CacheHit();
            var content = new ByteArrayContent(hit.Body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(hit.ContentType);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var served = endpoints.IndexOf(request.RequestUri);
        if (response.IsSuccessStatusCode && served >= 0)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var type = AnswerCheck.IsJson(response.Content.Headers.ContentType) ? response.Content.Headers.ContentType!.ToString() : "application/json";
            var entry = new CachedResponse(type, bytes);
            void Store() => cache.Store(keys[served], endpoints.Bases[served].AbsoluteUri, entry);
            if (request.Options.TryGetValue(CacheCommit.Key, out var commit))
            {
                commit.Defer(Store);
            }
            else
            {
                Store();
            }
        }

        return response;
    }

    internal static string Key(Uri endpoint, string relative, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(endpoint.AbsoluteUri + relative + "\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
