using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MmluSharp.IO;
using Polly.Timeout;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Outermost handler: whatever goes wrong below it (no connection, a timeout, an error status after the retries, a
/// broken answer) leaves it as one redacted line, an <see cref="EndpointException"/> naming the URL. Every client of
/// the pipeline (the letter adapters and the OpenAI SDK's chat client) therefore fails the same way.
/// </summary>
internal sealed class ErrorHandler(EndpointOptions options, EndpointSet endpoints, Redactor redactor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw redactor.Fail(Describe(request.RequestUri, e), e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw redactor.Fail(DescribeStatus(response.RequestMessage?.RequestUri ?? request.RequestUri, response.StatusCode, body));
        }
    }

    private string After => options.MaxRetries > 0 ? $" (after {options.MaxRetries} retries)" : string.Empty;

    private string Describe(Uri? url, Exception e) => e switch
    {
        TimeoutRejectedException => string.Create(CultureInfo.InvariantCulture, $"{url} did not answer within {options.Timeout.TotalSeconds} s{After}"),
        BrokenAnswerException => $"{e.Message}{After}",
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } =>
            $"cannot connect to {url}: connection refused{After}",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => $"cannot resolve the host of {url}{After}",
        _ => $"request to {url} failed: {e.Message}{After}",
    };

    private string DescribeStatus(Uri? url, HttpStatusCode status, byte[] body)
    {
        var code = (int)status;
        var detail = body.Length == 0 ? string.Empty : ": " + ServerText.Snippet(body);
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"{url} rejected the API key (HTTP {code}; key from {KeySource(url)}){detail}",
            HttpStatusCode.NotFound => $"{url} answered HTTP 404: no model '{options.Model}' or no such endpoint{detail}",
            HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError =>
                $"{url} still answered HTTP {code} after {options.MaxRetries} retries{detail}",
            _ => $"{url} rejected the request with HTTP {code}{detail}",
        };
    }

    private string KeySource(Uri? url) =>
        endpoints.BasicAuthorization(url) is not null ? "the URL's user-info"
        : options.ApiKey is null ? "$" + options.ApiKeyVariable
        : "the options";
}
