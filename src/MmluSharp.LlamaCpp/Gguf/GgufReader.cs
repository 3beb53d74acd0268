using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace MmluSharp.LlamaCpp.Gguf;

/// <summary>Little-endian reads from a GGUF stream that fail with a clear "truncated" message at end of file.</summary>
internal sealed class GgufReader(Stream stream, long fileLength)
{
    private readonly byte[] _scratch = new byte[8];

    public long Position => stream.Position;

    public long FileLength => fileLength;

    public byte ReadByte() => Read(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Read(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Read(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Read(8));

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Read(4));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Read(8));

    /// <summary>A count or length, refused when it could not possibly fit in the rest of the file.</summary>
    public long ReadLength(string what, long minBytesEach)
    {
        var value = ReadUInt64();
        var remaining = fileLength - stream.Position;
        if (value > (ulong)(long.MaxValue / Math.Max(1, minBytesEach)) || (long)value * minBytesEach > remaining)
        {
            throw new GgufFormatException(string.Create(
                CultureInfo.InvariantCulture,
                $"truncated or corrupt header ({what} of {value} at byte {stream.Position - 8} does not fit in the {fileLength}-byte file)"));
        }

        return (long)value;
    }

    public string ReadString()
    {
        var length = ReadLength("string length", 1);
        if (length == 0)
        {
            return string.Empty;
        }

        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    public void SkipString() => Skip(ReadLength("string length", 1));

    public void Skip(long bytes)
    {
        if (stream.Position + bytes > fileLength)
        {
            throw Truncated();
        }

        stream.Seek(bytes, SeekOrigin.Current);
    }

    private ReadOnlySpan<byte> Read(int count)
    {
        var span = _scratch.AsSpan(0, count);
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(span[read..]);
            if (n == 0)
            {
                throw Truncated();
            }

            read += n;
        }

        return span;
    }

    private GgufFormatException Truncated() => new(string.Create(
        CultureInfo.InvariantCulture,
        $"truncated (the header runs past the end of the {fileLength}-byte file)"));
}
