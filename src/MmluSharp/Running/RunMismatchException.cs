namespace MmluSharp.Running;

/// <summary>A run folder holds a run with other settings; resuming it would mix two runs.</summary>
public sealed class RunMismatchException : Exception, IMentionsOptions
{
    private readonly FormattableString? text;

    /// <summary>Creates the exception with a one-line message.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    public RunMismatchException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the failure underneath.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    /// <param name="innerException">The failure underneath.</param>
    public RunMismatchException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RunMismatchException()
    {
    }

    private RunMismatchException(FormattableString text, Exception? innerException)
        : base(OptionText.Render(text), innerException)
    {
        this.text = text;
    }

    /// <inheritdoc />
    public string Describe(Func<string, string> nameOf) => text is null ? Message : OptionText.Render(text, nameOf);

    /// <summary>The exception with a message that mentions options with <see cref="OptionText.Mention"/>.</summary>
    internal static RunMismatchException Mentioning(FormattableString text, Exception? innerException = null) => new(text, innerException);
}
