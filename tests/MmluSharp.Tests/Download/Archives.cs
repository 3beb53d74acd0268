using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace MmluSharp.Tests.Download;

/// <summary>Builds tar, tar.gz and zip archives in memory for the tests.</summary>
internal static class Archives
{
    /// <summary>A tar of every file under <paramref name="folder"/>, named <c>prefix/relative/path</c>.</summary>
    public static byte[] TarOf(string folder, string prefix, bool gzip = false, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var buffer = new MemoryStream();
        using (var compressed = gzip ? new GZipStream(buffer, level, leaveOpen: true) : (Stream)buffer)
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

    /// <summary>
    /// A tar.gz in MMLU's layout (<c>data/dev</c>, <c>data/val</c>, <c>data/test</c>) of <paramref name="entries"/> files of
    /// <paramref name="size"/> zero bytes each, compressed as it is built.
    /// </summary>
    public static byte[] GzipTarOfZeros(int entries, int size)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            for (var i = 0; i < entries; i++)
            {
                var split = new[] { "dev", "val", "test" }[i % 3];
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"data/{split}/zeros_{i}_{split}.csv") { DataStream = new ZeroStream(size) });
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A zip holding one file of <paramref name="size"/> zero bytes, compressed as it is written.</summary>
    public static byte[] ZipOfZeros(string name, long size)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            new ZeroStream(size).CopyTo(stream, 1 << 20);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// A ustar archive: <paramref name="file"/> as <c>data/dev/a.csv</c>, then an entry whose header declares
    /// <paramref name="declared"/> bytes though none follow (a bomb caught by its header alone).
    /// </summary>
    public static byte[] TarDeclaring(byte[] file, long declared)
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Ustar, leaveOpen: true))
        {
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "data/dev/a.csv") { DataStream = new MemoryStream(file) });
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, "data/dev/b.csv") { DataStream = new MemoryStream([1]) });
        }

        var tar = buffer.ToArray();
        var header = tar.AsSpan(512 + ((file.Length + 511) / 512 * 512), 512);
        Encoding.ASCII.GetBytes(Convert.ToString(declared, 8).PadLeft(11, '0') + "\0").CopyTo(header[124..136]);
        "        "u8.CopyTo(header[148..156]);
        var sum = 0;
        foreach (var b in header)
        {
            sum += b;
        }

        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header[148..156]);
        return tar;
    }

    /// <summary>Random bytes (incompressible), the same every run.</summary>
    public static byte[] Noise(int size)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Reads as <c>length</c> zero bytes without holding them.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => _position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) =>
            _position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => length + offset };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
