namespace MmluSharp.Datasets.Download;

/// <summary>
/// Where <c>mmlu datasets download</c> puts data: <c>$MMLU_HOME</c>, else <c>$XDG_CACHE_HOME/mmlusharp</c>, else
/// <c>~/.cache/mmlusharp</c>; each dataset in <c>&lt;root&gt;/&lt;name&gt;/</c>. A folder counts as downloaded only
/// once its <c>manifest.json</c> exists (it is written last).
/// </summary>
public static class DatasetCache
{
    /// <summary>The file that marks a complete download.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The cache folder, resolved from the environment on every call.</summary>
    public static string Root => ResolveRoot(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The folder of a completely downloaded dataset in <see cref="Root"/>, or null if it is not there.</summary>
    /// <param name="name">A dataset name, e.g. <c>mmlu</c>.</param>
    public static string? Find(string name) => Find(Root, name);

    /// <summary>The cache folder for the given environment and home folder (pure, for tests).</summary>
    internal static string ResolveRoot(Func<string, string?> environment, string home)
    {
        var mmluHome = environment("MMLU_HOME");
        if (!string.IsNullOrEmpty(mmluHome))
        {
            return Path.GetFullPath(mmluHome);
        }

        var xdg = environment("XDG_CACHE_HOME");
        return !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? Path.GetFullPath(Path.Combine(xdg, "mmlusharp"))
            : Path.GetFullPath(Path.Combine(home, ".cache", "mmlusharp"));
    }

    /// <summary>The folder of a completely downloaded dataset under <paramref name="root"/>, or null.</summary>
    internal static string? Find(string root, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..")
        {
            throw new ArgumentException($"'{name}' is not a dataset name.", nameof(name));
        }

        var folder = Path.Combine(root, name);
        return File.Exists(Path.Combine(folder, ManifestFileName)) ? folder : null;
    }
}
