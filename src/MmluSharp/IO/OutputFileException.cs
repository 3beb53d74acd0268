namespace MmluSharp.IO;

/// <summary>
/// A file mmlu was asked to write cannot be written as asked: the path names a FIFO, a device, a socket, a folder
/// or a link loop, or the device filled up while writing. The message is one line naming the path and what was
/// kept.
/// </summary>
public sealed class OutputFileException : IOException, IMentionsOptions
{
    private readonly FormattableString? text;

    /// <summary>Creates the exception with a one-line message.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    public OutputFileException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the failure underneath.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    /// <param name="innerException">The failure underneath.</param>
    public OutputFileException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public OutputFileException()
    {
    }

    private OutputFileException(FormattableString text)
        : base(OptionText.Render(text))
    {
        this.text = text;
    }

    /// <inheritdoc />
    public string Describe(Func<string, string> nameOf) => text is null ? Message : OptionText.Render(text, nameOf);

    /// <summary>The exception with a message that mentions options with <see cref="OptionText.Mention"/>.</summary>
    internal static OutputFileException Mentioning(FormattableString text) => new(text);
}
