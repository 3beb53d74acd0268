namespace MmluSharp.Datasets.Download;

/// <summary>
/// Puts a finished download in its folder, never deleting what mmlu did not write. The files mmlu wrote there are
/// the ones its manifest (and, after an install cut short, its <see cref="InstallJournal"/>) lists; anything else in
/// the folder stays, and a new file that would land on one of them is refused before anything changes. The manifest
/// is written last, so a folder with a manifest is always complete.
/// </summary>
internal static class DatasetInstaller
{
    /// <summary>Moves every file of <paramref name="content"/> into <paramref name="target"/>, replacing mmlu's old files, then writes <paramref name="manifest"/>.</summary>
    /// <exception cref="DatasetException">A file of the download would replace one mmlu did not write.</exception>
    public static void Install(string content, string target, DownloadManifest manifest)
    {
        var ours = Written(target);
        var incoming = manifest.Files.Select(f => f.Path).ToList();
        foreach (var path in incoming)
        {
            // The file itself, and any folder on its way that is a file or a link mmlu did not write, would be replaced.
            var segments = path.Split('/');
            for (var n = 1; n <= segments.Length; n++)
            {
                var relative = string.Join('/', segments[..n]);
                var at = Path.Combine(target, relative);
                var inTheWay = n == segments.Length ? Path.Exists(at) : File.Exists(at) || new FileInfo(at).LinkTarget is not null;
                if (Inside(target, path) is null || (inTheWay && !ours.Contains(relative)))
                {
                    throw DatasetException.At(at, $"exists and was not written by mmlu; move it away or download to another folder ({OptionText.Mention(nameof(DownloadRequest.Target))})");
                }
            }
        }

        Directory.CreateDirectory(target);
        new InstallJournal([.. ours.Union(incoming, StringComparer.Ordinal).Order(StringComparer.Ordinal)]).WriteTo(target);
        File.Delete(Path.Combine(target, DatasetCache.ManifestFileName));
        foreach (var path in ours)
        {
            Remove(target, path);
        }

        foreach (var path in incoming)
        {
            var to = Path.Combine(target, path);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Move(Path.Combine(content, path), to);
        }

        manifest.WriteTo(target);
        InstallJournal.Delete(target);
    }

    /// <summary>Whether <paramref name="target"/> holds an install that was cut short (files but no manifest yet).</summary>
    public static bool WasCutShort(string target) => File.Exists(Path.Combine(target, InstallJournal.FileName));

    // The files mmlu wrote in target: its manifest's and its journal's (paths that would leave the folder are ignored).
    private static HashSet<string> Written(string target)
    {
        var ours = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(Path.Combine(target, DatasetCache.ManifestFileName)))
        {
            try
            {
                ours.UnionWith(DownloadManifest.ReadFrom(target).Files.Select(f => f.Path));
            }
            catch (DatasetException)
            {
                // An unreadable manifest vouches for nothing: its files count as someone else's.
            }
        }

        ours.UnionWith(InstallJournal.TryRead(target)?.Files ?? []);
        ours.RemoveWhere(p => Inside(target, p) is null);
        return ours;
    }

    // Deletes one of mmlu's files (a link itself, never what it points to), then the folders it leaves empty.
    private static void Remove(string target, string path)
    {
        var full = Inside(target, path)!;
        if (File.Exists(full) || new FileInfo(full).LinkTarget is not null)
        {
            File.Delete(full);
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any())
            {
                break;
            }

            Directory.Delete(folder);
        }
    }

    // The full path of a relative path inside target, or null when it would leave it (through "..", or a folder
    // on its way that is a link).
    private static string? Inside(string target, string relative)
    {
        var segments = relative.Split('/');
        if (relative.Length == 0 || Path.IsPathRooted(relative) || segments.Any(s => s is "" or "." or ".."))
        {
            return null;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var folder = root;
        foreach (var segment in segments[..^1])
        {
            folder = Path.Combine(folder, segment);
            if (new DirectoryInfo(folder).LinkTarget is not null)
            {
                return null;
            }
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
