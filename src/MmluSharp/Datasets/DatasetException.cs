namespace MmluSharp.Datasets;

/// <summary>Input data that cannot be read as it should be. The message names the file and, where known, the line.</summary>
public sealed class DatasetException : Exception
{
    public DatasetException(string message) : base(message)
    {
    }

    public DatasetException(string message, Exception innerException) : base(message, innerException)
    {
    }

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
