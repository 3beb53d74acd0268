namespace MmluSharp.LlamaCpp.Gguf;

/// <summary>Raised inside the reader; <see cref="GgufHeader.Read(string, Stream, long)"/> turns it into a <see cref="ModelLoadException"/> naming the file.</summary>
internal sealed class GgufFormatException : Exception
{
    public GgufFormatException(string message) : base(message)
    {
    }

    public GgufFormatException()
    {
    }

    public GgufFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
