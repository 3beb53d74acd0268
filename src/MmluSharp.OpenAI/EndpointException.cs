namespace MmluSharp.OpenAI;

/// <summary>
/// A server could not be used: unreachable, key rejected, model not found, no log-probabilities, retries exhausted.
/// The message is one line naming the URL; it never contains the API key.
/// </summary>
public sealed class EndpointException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EndpointException()
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public EndpointException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public EndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
