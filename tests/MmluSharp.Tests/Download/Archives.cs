using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace MmluSharp.Tests.Download;

/// <summary>Builds tar, tar.gz and zip archives in memory for the tests.</summary>
internal static class Archives
{
    /// <summary>A tar of every file under <paramref name="folder"/>, named <c>prefix/relative/path</c>.</summary>
    public static byte[] TarOf(string folder, string prefix, bool gzip = false)
    {
        using var buffer = new MemoryStream();
        using (var compressed = gzip ? new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : (Stream)buffer)
        using (var writer = new TarWriter(compressed, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                writer.WriteEntry(file, prefix + "/" + Path.GetRelativePath(folder, file).Replace('\\', '/'));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A tar with one good file and then <paramref name="bad"/>.</summary>
    public static byte[] TarWith(TarEntry bad)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(File("data/dev/anatomy_dev.csv", "q,a,b,c,d,A\r\n"));
            writer.WriteEntry(bad);
        }

        return buffer.ToArray();
    }

    public static PaxTarEntry File(string name, string text) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };

    public static PaxTarEntry Link(TarEntryType type, string name, string target) => new(type, name) { LinkName = target };

    public static byte[] ZipWith(string name, string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
