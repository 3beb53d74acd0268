namespace MmluSharp.IO;

/// <summary>
/// Where a write to a path really lands. A symbolic link is written through: its final target is replaced and
/// the link stays, as a shell redirection or <c>cp</c> would do (users link run folders and reports into shared
/// places). A FIFO, a device, a socket or a folder is refused: replacing <c>/dev/full</c> or a named pipe with
/// a regular file would report a success that never reached the reader.
/// </summary>
internal static class OutputPath
{
    /// <summary>How many links one path may run through (Linux's own limit).</summary>
    private const int MaxLinks = 40;

    /// <summary>The regular file (existing or not) that a write to <paramref name="path"/> replaces.</summary>
    /// <exception cref="OutputFileException">The path names something other than a regular file, or loops.</exception>
    public static string Resolve(string path)
    {
        var current = Path.GetFullPath(path);
        for (var links = 0; ; links++)
        {
            var kind = Inspect(path, current);
            if (kind is FileKind.Missing or FileKind.Regular)
            {
                return current;
            }

            if (kind != FileKind.SymbolicLink)
            {
                throw NotAFile(path, current, kind);
            }

            if (links == MaxLinks)
            {
                throw new OutputFileException($"{path}: symbolic link loop; fix the link or choose another path.");
            }

            var target = new FileInfo(current).LinkTarget!;
            current = Path.GetFullPath(target, Path.GetDirectoryName(current)!);
        }
    }

    /// <summary>The kind of <paramref name="current"/>, a link loop on the way reported as one line about <paramref name="path"/>.</summary>
    internal static FileKind Inspect(string path, string current)
    {
        try
        {
            return FileInspector.KindOf(current);
        }
        catch (IOException e) when (Errno.IsLinkLoop(e))
        {
            throw new OutputFileException($"{path}: symbolic link loop; fix the link or choose another path.", e);
        }
    }

    private static OutputFileException NotAFile(string path, string resolved, FileKind kind)
    {
        var what = kind switch
        {
            FileKind.Directory => "a folder",
            FileKind.Fifo => "a FIFO (named pipe)",
            FileKind.CharacterDevice => "a character device",
            FileKind.BlockDevice => "a block device",
            _ => "a socket",
        };
        var where = resolved == Path.GetFullPath(path) ? $"{path} is {what}" : $"{path} leads to {resolved}, {what}";
        return new OutputFileException($"{where}, not a regular file; mmlu writes only regular files: choose another path.");
    }
}
