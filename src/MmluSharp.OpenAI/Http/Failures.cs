using MmluSharp.IO;

namespace MmluSharp.OpenAI.Http;

/// <summary>How the pipeline reports a server it cannot use: one redacted line, logged, as an <see cref="EndpointException"/>.</summary>
internal static class Failures
{
    /// <summary>A one-line, redacted <see cref="EndpointException"/> for <paramref name="message"/>, also logged.</summary>
    public static EndpointException Fail(this Redactor redactor, string message, Exception? inner = null)
    {
        var line = redactor.Redact(message.ReplaceLineEndings(" "));
        redactor.Log(line);
        return inner is null ? new EndpointException(line) : new EndpointException(line, inner);
    }
}
