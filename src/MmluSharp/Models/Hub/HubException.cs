namespace MmluSharp.Models.Hub;

/// <summary>
/// A model reference that cannot be resolved or downloaded: unknown repository or revision, no GGUF, an ambiguous tag,
/// a gated repository without access, offline without a cached copy, a checksum mismatch. The message is one line.
/// </summary>
public sealed class HubException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    public HubException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the failure underneath.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    /// <param name="innerException">The failure underneath.</param>
    public HubException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public HubException()
    {
    }
}
