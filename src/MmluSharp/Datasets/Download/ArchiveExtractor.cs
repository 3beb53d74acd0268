using System.Formats.Tar;
using System.IO.Compression;

namespace MmluSharp.Datasets.Download;

/// <summary>
/// Unpacks a tar, tar.gz or zip archive (recognised by its first bytes) into a folder, refusing any entry that
/// would land outside it: <c>..</c> segments that escape, absolute paths, and symbolic or hard links pointing out.
/// A link that stays inside becomes a copy of its (already unpacked) target; devices and FIFOs are refused.
/// Every byte written (link copies included, and a block for each entry) is counted against an
/// <see cref="UnpackLimit"/>, and declared sizes are checked before writing, so a zip or tar bomb is refused early.
/// The caller unpacks into a scratch folder and deletes it on error, so a refused archive leaves nothing.
/// </summary>
internal static class ArchiveExtractor
{
    // What an entry costs at least: a file-system block (so millions of empty files are a bomb too).
    private const long EntryCost = 4096;

    /// <summary>Unpacks <paramref name="archive"/> into <paramref name="destination"/>.</summary>
    /// <param name="archive">The archive file.</param>
    /// <param name="destination">An empty folder (created if missing).</param>
    /// <param name="name">The archive's name in messages (its URL).</param>
    /// <param name="budget">What the download may still unpack to.</param>
    /// <exception cref="DatasetException">An unsafe entry (named), a bomb, or a file that is not an archive.</exception>
    public static void Extract(string archive, string destination, string name, UnpackBudget budget)
    {
        Directory.CreateDirectory(destination);
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(destination)) + Path.DirectorySeparatorChar;
        using var stream = File.OpenRead(archive);
        budget.Start(name, stream.Length);
        Span<byte> magic = stackalloc byte[4];
        var n = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        try
        {
            if (n >= 4 && magic.SequenceEqual("PK\x03\x04"u8))
            {
                ExtractZip(stream, root, name, budget);
            }
            else if (n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            {
                using var gzip = new GZipStream(stream, CompressionMode.Decompress);
                ExtractTar(gzip, root, name, budget);
            }
            else
            {
                ExtractTar(stream, root, name, budget);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new DatasetException($"{name}: not a readable tar, tar.gz or zip archive: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    private static void ExtractTar(Stream stream, string root, string name, UnpackBudget budget)
    {
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            budget.Charge(EntryCost);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(Resolve(root, entry.Name, name));
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                    budget.EnsureRoom(entry.Length);
                    Write(Resolve(root, entry.Name, name), entry.DataStream, budget);
                    break;
                case TarEntryType.SymbolicLink:
                    var at = Resolve(root, entry.Name, name);
                    CopyLink(at, LinkTarget(root, at, entry, name), entry, name, budget);
                    break;
                case TarEntryType.HardLink:
                    var path = Resolve(root, entry.Name, name);
                    CopyLink(path, Resolve(root, entry.LinkName, name, entry.Name), entry, name, budget);
                    break;
                case TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes or TarEntryType.LongLink or TarEntryType.LongPath:
                    break;
                default:
                    throw Refused(name, entry.Name, $"unsupported entry type {entry.EntryType}");
            }
        }
    }

    private static void ExtractZip(Stream stream, string root, string name, UnpackBudget budget)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        budget.EnsureRoom(zip.Entries.Sum(e => e.Length + EntryCost));
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal))
            {
                continue;
            }

            var path = Resolve(root, entry.FullName, name);
            budget.Charge(EntryCost);
            if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
            {
                throw Refused(name, entry.FullName, "symbolic links in zip archives are not unpacked");
            }

            if (entry.FullName.EndsWith('/'))
            {
                Directory.CreateDirectory(path);
                continue;
            }

            using var data = entry.Open();
            Write(path, data, budget);
        }
    }

    /// <summary>The full path of an entry, refusing absolute paths and paths that escape <paramref name="root"/>.</summary>
    private static string Resolve(string root, string entryName, string name, string? reportAs = null)
    {
        var shown = reportAs ?? entryName;
        if (string.IsNullOrEmpty(entryName))
        {
            throw Refused(name, shown, "an empty path");
        }

        var relative = entryName.Replace('\\', '/');
        if (relative.StartsWith('/') || Path.IsPathRooted(entryName) || (relative.Length >= 2 && relative[1] == ':'))
        {
            throw Refused(name, shown, reportAs is null ? "an absolute path" : $"a link to the absolute path {entryName}");
        }

        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!(full + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
        {
            throw Refused(name, shown, reportAs is null ? "it escapes the target folder" : $"a link to {entryName}, outside the target folder");
        }

        return full;
    }

    private static string LinkTarget(string root, string at, TarEntry entry, string name)
    {
        var link = entry.LinkName.Replace('\\', '/');
        if (link.StartsWith('/') || Path.IsPathRooted(entry.LinkName) || (link.Length >= 2 && link[1] == ':'))
        {
            throw Refused(name, entry.Name, $"a symbolic link to the absolute path {entry.LinkName}");
        }

        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(at)!, link));
        if (!(full + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal))
        {
            throw Refused(name, entry.Name, $"a symbolic link to {entry.LinkName}, outside the target folder");
        }

        return full;
    }

    private static void CopyLink(string path, string target, TarEntry entry, string name, UnpackBudget budget)
    {
        if (!File.Exists(target))
        {
            throw Refused(name, entry.Name, $"a link to {entry.LinkName}, which is not an already unpacked file");
        }

        budget.Charge(new FileInfo(target).Length);
        using var input = File.OpenRead(target);
        using var output = IO.ScratchFile.Create(path);
        input.CopyTo(output);
    }

    private static void Write(string path, Stream? data, UnpackBudget budget)
    {
        using var output = budget.Create(path);
        data?.CopyTo(output);
    }

    private static DatasetException Refused(string archive, string entry, string why) =>
        new($"{archive}: refused archive entry '{entry}': {why}; nothing was kept");
}
