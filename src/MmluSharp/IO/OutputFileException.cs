namespace MmluSharp.IO;

/// <summary>
/// A file mmlu was asked to write cannot be written as asked: the path names a FIFO, a device, a socket, a folder
/// or a link loop, or the device filled up while writing. The message is one line naming the path and what was
/// kept.
/// </summary>
public sealed class OutputFileException : IOException
{
    public OutputFileException(string message) : base(message)
    {
    }

    public OutputFileException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public OutputFileException()
    {
    }
}
