using System.Net.Http.Headers;
using System.Text.Json;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Innermost handler: counts each attempt, reads the whole body inside the attempt's timeout and turns a dropped
/// connection or a truncated JSON body into an <see cref="HttpRequestException"/>, which the retry strategy retries.
/// </summary>
internal sealed class CompletingHandler(EndpointCounters counters) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counters.Request();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!IsJson(response.Content.Headers.ContentType))
        {
            return response;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (!IsCompleteJson(body))
                {
                    throw new HttpRequestException(HttpRequestError.ResponseEnded, $"{request.RequestUri} sent an incomplete JSON body ({body.Length} bytes).");
                }
            }

            return response;
        }
        catch (IOException e)
        {
            response.Dispose();
            throw new HttpRequestException(HttpRequestError.ResponseEnded, $"{request.RequestUri} dropped the connection mid-body.", e);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    internal static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && media.EndsWith("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsCompleteJson(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
            while (reader.Read())
            {
            }

            return body.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
