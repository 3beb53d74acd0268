namespace MmluSharp.OpenAI.Http;

/// <summary>
/// An attempt's answer arrived but cannot be used (cut short, too large, a NaN log-probability): an
/// <see cref="HttpRequestException"/>, so the retry strategy retries it. The message is complete and names the URL.
/// </summary>
internal sealed class BrokenAnswerException : HttpRequestException
{
    public BrokenAnswerException()
    {
    }

    public BrokenAnswerException(string message)
        : base(HttpRequestError.InvalidResponse, message)
    {
    }

    public BrokenAnswerException(string message, Exception innerException)
        : base(HttpRequestError.InvalidResponse, message, innerException)
    {
    }
}
