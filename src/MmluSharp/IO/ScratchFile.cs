namespace MmluSharp.IO;

/// <summary>
/// The one way mmlu creates a file inside a scratch folder of its own (a download being unpacked and laid out,
/// moved into place whole once complete): whatever an earlier step left at the path is unlinked, never followed, and
/// the file is created exclusively, so a link or a FIFO planted there (by an archive, say) is never written through.
/// </summary>
internal static class ScratchFile
{
    /// <summary>A new, empty file at <paramref name="path"/>, its folder created as needed.</summary>
    public static FileStream Create(string path, bool useAsync = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.Delete(path);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync);
    }

    /// <summary>
    /// A partial file being resumed, opened to append to; anything but a regular file at the path (a link, a FIFO) is
    /// unlinked and a new, empty file created instead.
    /// </summary>
    public static FileStream Continue(string path, bool useAsync = false) =>
        FileInspector.KindOf(path) == FileKind.Regular
            ? new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16, useAsync)
            : Create(path, useAsync);
}
