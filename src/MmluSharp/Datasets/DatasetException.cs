namespace MmluSharp.Datasets;

/// <summary>Input data that cannot be read as it should be. The message names the file and, where known, the line.</summary>
public sealed class DatasetException : Exception
{
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
