using System.Globalization;
using MmluSharp.IO;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Innermost handler: counts each attempt and reads the whole body inside the attempt's timeout, at most
/// <see cref="EndpointOptions.MaxResponseBytes"/> of it. The body is then redacted (the one place server text enters)
/// and, for a successful answer, checked (<see cref="AnswerCheck"/>). A dropped connection, a body cut short or too
/// large, or one the request's check refuses is a <see cref="BrokenAnswerException"/>, which the retry strategy retries.
/// </summary>
internal sealed class CompletingHandler(EndpointCounters counters, Redactor redactor, long maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counters.Request();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var original = response.Content;
            var body = redactor.RedactBody(BareLiterals.Quote(await ReadAsync(request.RequestUri, original, cancellationToken).ConfigureAwait(false)));
            response.Content = new ByteArrayContent(body);
            foreach (var header in original.Headers.Where(h => h.Key != "Content-Length"))
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            original.Dispose();
            if (response.IsSuccessStatusCode)
            {
                AnswerCheck.Ensure(request, response.Content.Headers.ContentType, body, redactor);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<byte[]> ReadAsync(Uri? url, HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBytes)
        {
            throw TooLarge(url);
        }

        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(url);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (IOException e)
        {
            throw new BrokenAnswerException($"{url} dropped the connection mid-body", e);
        }
    }

    private BrokenAnswerException TooLarge(Uri? url)
    {
        var megabytes = (maxBytes / (1024.0 * 1024)).ToString("0.###", CultureInfo.InvariantCulture);
        return new BrokenAnswerException($"{url} answered more than {megabytes} MB, the most one answer may have (--max-response-mb)");
    }
}
