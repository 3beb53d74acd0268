namespace MmluSharp.Datasets;

/// <summary>Input data that cannot be read as it should be. The message names the file and, where known, the line.</summary>
public sealed class DatasetException : Exception, IMentionsOptions
{
    private readonly FormattableString? text;

    /// <summary>Creates the exception with a one-line message.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    public DatasetException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the failure underneath.</summary>
    /// <param name="message">The message, naming what is wrong.</param>
    /// <param name="innerException">The failure underneath.</param>
    public DatasetException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public DatasetException()
    {
    }

    private DatasetException(FormattableString text)
        : base(OptionText.Render(text))
    {
        this.text = text;
    }

    /// <inheritdoc />
    public string Describe(Func<string, string> nameOf) => text is null ? Message : OptionText.Render(text, nameOf);

    /// <summary>The exception with a message that mentions options with <see cref="OptionText.Mention"/>.</summary>
    internal static DatasetException Mentioning(FormattableString text) => new(text);

    /// <summary>A message of the form <c>path: what is wrong</c> whose problem mentions options.</summary>
    internal static DatasetException At(string path, FormattableString problem) => Mentioning($"{path}: {problem}");

    /// <summary>
    /// <paramref name="root"/>, once it is known to be an existing folder; otherwise the error
    /// <c>root: <paramref name="missing"/></c>.
    /// </summary>
    internal static string RequireFolder(string root, string missing)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        return Directory.Exists(root) ? root : throw At(root, 0, DataFile.WhyMissing(root, missing));
    }

    /// <summary>A message of the form <c>path:line: what is wrong</c>.</summary>
    public static DatasetException At(string path, long line, string problem) =>
        new(line > 0 ? $"{path}:{line}: {problem}" : $"{path}: {problem}");
}
