namespace MmluSharp.LlamaCpp;

/// <summary>A model file that cannot be used. The message is one line that names the file.</summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>Creates the exception with a message of the form <c>path: what is wrong</c>.</summary>
    public ModelLoadException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure underneath.</summary>
    public ModelLoadException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public ModelLoadException()
    {
    }

    internal static ModelLoadException For(string path, string problem) => new($"{path}: {problem}");
}
