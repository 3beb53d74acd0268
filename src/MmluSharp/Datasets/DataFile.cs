using MmluSharp.IO;

namespace MmluSharp.Datasets;

/// <summary>
/// How every benchmark reads its files and checks its folders, so that a missing file, a symbolic link loop, a
/// dangling link or an unreadable file is one <see cref="DatasetException"/> naming the path, whichever reader meets it.
/// </summary>
internal static class DataFile
{
    /// <summary>The whole file.</summary>
    /// <exception cref="DatasetException">The file is missing or cannot be read.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
    }

    /// <summary>The error for a file that failed to open or read.</summary>
    public static DatasetException Unreadable(string path, Exception e) =>
        e is FileNotFoundException or DirectoryNotFoundException
            ? DatasetException.At(path, 0, WhyMissing(path, "file not found"))
            : Errno.IsLinkLoop(e)
                ? DatasetException.At(path, 0, "symbolic link loop (a link on this path leads back to itself); fix the link")
                : new DatasetException($"{path}: cannot be read ({e.Message})", e);

    /// <summary>
    /// Why <paramref name="path"/>, which does not exist as needed, is missing: a link loop, a link to nothing, or
    /// <paramref name="otherwise"/>.
    /// </summary>
    public static string WhyMissing(string path, string otherwise)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is null)
            {
                return otherwise;
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || target.Exists || Directory.Exists(target.FullName)
                ? otherwise
                : $"{otherwise} (a symbolic link to {target.FullName}, which does not exist)";
        }
        catch (IOException)
        {
            return "symbolic link loop (a link on this path leads back to itself); fix the link";
        }
    }
}
