using System.Net;
using System.Net.Http.Headers;

namespace MmluSharp.Models.Hub;

/// <summary>
/// Sends the token as huggingface_hub does: as a bearer token to the endpoint's own origin (scheme, host and port) only.
/// Redirects are followed here (the inner handler must not follow them), so each hop is judged on its own: a redirect
/// within the Hub (a renamed repository) keeps the token, one to another host (the CDN holding LFS files) never gets it.
/// </summary>
internal sealed class HubAuthHandler(Uri endpoint, string? token) : DelegatingHandler
{
    private const int MaxRedirects = 10;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            request.Headers.Authorization = token is not null && SameOrigin(request.RequestUri!, endpoint)
                ? new AuthenticationHeaderValue("Bearer", token)
                : null;
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location || hop == MaxRedirects)
            {
                return response;
            }

            response.Dispose();
            request.RequestUri = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
            if (response.StatusCode == HttpStatusCode.SeeOther && request.Method != HttpMethod.Head)
            {
                request.Method = HttpMethod.Get;
                request.Content = null;
            }
        }
    }

    /// <summary>True when both addresses have the same scheme, host and port.</summary>
    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
