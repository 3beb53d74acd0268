using System.Diagnostics;
using System.Globalization;

namespace MmluSharp.Datasets.Download;

/// <summary>
/// The hidden folder a download is assembled in, beside its target: <c>.&lt;name&gt;.partial-&lt;pid&gt;-&lt;id&gt;</c>,
/// holding a <c>.lock</c> file locked for the download's life. Disposing it deletes it. A download killed outright
/// leaves it behind; the next download beside the same target removes such stale folders, and only those:
/// folders of exactly this naming whose process is gone or whose lock is free (folders named by versions without
/// a lock count as stale; links and anything else are left alone).
/// </summary>
internal sealed class ScratchFolder : IDisposable
{
    private const string LockFileName = ".lock";
    private readonly FileStream _lock;

    private ScratchFolder(string path, FileStream lockStream)
    {
        Path = path;
        _lock = lockStream;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Creates and locks a new scratch folder for <paramref name="target"/>.</summary>
    public static ScratchFolder Create(string target)
    {
        var (parent, prefix) = Prefix(target);
        var path = System.IO.Path.Combine(parent, string.Create(CultureInfo.InvariantCulture, $"{prefix}{Environment.ProcessId}-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(path);
        try
        {
            return new ScratchFolder(path, new FileStream(System.IO.Path.Combine(path, LockFileName), FileMode.CreateNew, FileAccess.Write, FileShare.None));
        }
        catch
        {
            Directory.Delete(path, recursive: true);
            throw;
        }
    }

    /// <summary>Deletes the stale scratch folders of <paramref name="target"/>; returns the ones deleted.</summary>
    public static IReadOnlyList<string> RemoveStale(string target)
    {
        var (parent, prefix) = Prefix(target);
        if (!Directory.Exists(parent))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(parent, ".*"))
        {
            var name = System.IO.Path.GetFileName(folder);
            if (name.StartsWith(prefix, StringComparison.Ordinal) && new DirectoryInfo(folder).LinkTarget is null && IsStale(folder, name[prefix.Length..]))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                    removed.Add(folder);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Another download removed it first, or it is not ours to remove: leave it.
                }
            }
        }

        return removed;
    }

    /// <summary>Releases the lock and deletes the folder.</summary>
    public void Dispose()
    {
        _lock.Dispose();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static (string Parent, string Prefix) Prefix(string target)
    {
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(target));
        return (System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.partial-");
    }

    // suffix: "<pid>-<32 hex>" (this version) or "<32 hex>" (versions without a lock).
    private static bool IsStale(string folder, string suffix)
    {
        if (suffix.Length == 32 && suffix.All(char.IsAsciiHexDigit))
        {
            return !File.Exists(System.IO.Path.Combine(folder, LockFileName));
        }

        var dash = suffix.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || suffix.Length - dash - 1 != 32 || !suffix[(dash + 1)..].All(char.IsAsciiHexDigit)
            || !int.TryParse(suffix[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        // A live owner holds the lock; between creating the folder and its lock it is alive, so it is left alone.
        return !IsRunning(pid) || IsUnlocked(System.IO.Path.Combine(folder, LockFileName));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsUnlocked(string lockFile)
    {
        try
        {
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.Write, FileShare.None);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
