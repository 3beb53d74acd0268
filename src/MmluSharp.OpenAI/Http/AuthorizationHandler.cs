using System.Net.Http.Headers;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Sets each attempt's <c>Authorization</c> once the balancer has chosen its endpoint: HTTP Basic from that endpoint
/// URL's user-info when it had one, else <c>Bearer</c> and the API key, else none. It replaces whatever the caller
/// set (the OpenAI SDK always sets a bearer credential, a placeholder when there is no key), so no key is sent where
/// none is configured.
/// </summary>
internal sealed class AuthorizationHandler(EndpointSet endpoints, string? apiKey) : DelegatingHandler
{
    private readonly AuthenticationHeaderValue? bearer = apiKey is null ? null : new AuthenticationHeaderValue("Bearer", apiKey);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = endpoints.BasicAuthorization(request.RequestUri) ?? bearer;
        return base.SendAsync(request, cancellationToken);
    }
}
