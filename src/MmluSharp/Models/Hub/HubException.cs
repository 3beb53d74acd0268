namespace MmluSharp.Models.Hub;

/// <summary>
/// A model reference that cannot be resolved or downloaded: unknown repository or revision, no GGUF, an ambiguous tag,
/// a gated repository without access, offline without a cached copy, a checksum mismatch. The message is one line.
/// </summary>
public sealed class HubException : Exception
{
    public HubException(string message) : base(message)
    {
    }

    public HubException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public HubException()
    {
    }
}
