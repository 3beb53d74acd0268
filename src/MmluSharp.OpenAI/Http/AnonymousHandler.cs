namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Used when no API key is configured: removes the <c>Authorization</c> header, which the OpenAI SDK always sets
/// (it needs a credential, so it is given a placeholder), so that no key at all is sent, as documented.
/// </summary>
internal sealed class AnonymousHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;
        return base.SendAsync(request, cancellationToken);
    }
}
