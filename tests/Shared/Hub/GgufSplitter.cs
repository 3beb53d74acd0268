using System.Buffers.Binary;
using System.Text;

namespace MmluSharp.Testing;

/// <summary>
/// Splits a GGUF file into real split parts as llama.cpp's <c>gguf-split</c> writes them: the first part keeps every
/// metadata key, each part adds <c>split.no</c> (u16), <c>split.count</c> (u16) and <c>split.tensors.count</c> (i32),
/// and the tensors are shared out in order, each part with its own aligned data section. llama.cpp loads the set
/// from its first part.
/// </summary>
internal static class GgufSplitter
{
    private const int Alignment = 32;

    /// <summary>The bytes of each of <paramref name="parts"/> parts of <paramref name="gguf"/>.</summary>
    public static byte[][] Split(byte[] gguf, int parts)
    {
        var header = Parse(gguf);
        var tensors = header.Tensors;
        if (parts < 2 || parts > tensors.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(parts), "needs 2 to one-per-tensor parts");
        }

        var result = new byte[parts][];
        var per = (tensors.Count + parts - 1) / parts;
        for (var p = 0; p < parts; p++)
        {
            var mine = tensors.Skip(p * per).Take(p == parts - 1 ? int.MaxValue : per).ToList();
            result[p] = Write(gguf, header, mine, p, parts);
        }

        return result;
    }

    private static byte[] Write(byte[] source, Header header, List<Tensor> tensors, int index, int count)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        w.Write("GGUF"u8);
        w.Write(3u);
        w.Write((ulong)tensors.Count);
        w.Write((ulong)((index == 0 ? header.KeyCount : 0) + 3));
        if (index == 0)
        {
            w.Write(source, header.KeysStart, header.KeysEnd - header.KeysStart);
        }

        WriteKey(w, "split.no", 2);
        w.Write((ushort)index);
        WriteKey(w, "split.count", 2);
        w.Write((ushort)count);
        WriteKey(w, "split.tensors.count", 5);
        w.Write(header.Tensors.Count);

        long offset = 0;
        foreach (var t in tensors)
        {
            w.Write(source, t.InfoStart, t.InfoLength - 8); // name, dimensions and type as they were
            w.Write((ulong)offset);
            offset += Padded(t.DataLength);
        }

        Pad(w);
        foreach (var t in tensors)
        {
            w.Write(source, (int)(header.DataStart + t.Offset), (int)t.DataLength);
            Pad(w);
        }

        w.Flush();
        return stream.ToArray();
    }

    private static Header Parse(byte[] gguf)
    {
        var span = gguf.AsSpan();
        if (!span.StartsWith("GGUF"u8) || BinaryPrimitives.ReadUInt32LittleEndian(span[4..]) != 3)
        {
            throw new InvalidDataException("not a GGUF v3 file");
        }

        var tensorCount = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[8..]);
        var keyCount = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[16..]);
        var pos = 24;
        for (var k = 0; k < keyCount; k++)
        {
            var key = ReadString(span, ref pos);
            var type = ReadU32(span, ref pos);
            if (key == "general.alignment" && BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]) != Alignment)
            {
                throw new InvalidDataException("only the default alignment of 32 is supported");
            }

            SkipValue(span, ref pos, type);
        }

        var keysEnd = pos;
        var tensors = new List<Tensor>(tensorCount);
        for (var i = 0; i < tensorCount; i++)
        {
            var start = pos;
            ReadString(span, ref pos);
            var dims = ReadU32(span, ref pos);
            pos += (int)dims * 8 + 4;
            var offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(span[pos..]);
            pos += 8;
            tensors.Add(new Tensor(start, pos - start, offset, 0));
        }

        var dataStart = Padded(pos);
        var dataLength = gguf.Length - dataStart;
        var ordered = tensors.OrderBy(t => t.Offset).ToList();
        var sized = tensors.Select(t =>
        {
            var next = ordered.FirstOrDefault(o => o.Offset > t.Offset);
            return t with { DataLength = (next?.Offset ?? dataLength) - t.Offset };
        }).ToList();
        return new Header(24, keysEnd, keyCount, sized, dataStart);
    }

    private static void SkipValue(ReadOnlySpan<byte> span, ref int pos, uint type)
    {
        switch (type)
        {
            case 0 or 1 or 7: pos += 1; break;
            case 2 or 3: pos += 2; break;
            case 4 or 5 or 6: pos += 4; break;
            case 10 or 11 or 12: pos += 8; break;
            case 8: ReadString(span, ref pos); break;
            case 9:
                var element = ReadU32(span, ref pos);
                var length = (long)BinaryPrimitives.ReadUInt64LittleEndian(span[pos..]);
                pos += 8;
                for (long i = 0; i < length; i++)
                {
                    SkipValue(span, ref pos, element);
                }

                break;
            default: throw new InvalidDataException($"unknown GGUF value type {type}");
        }
    }

    private static string ReadString(ReadOnlySpan<byte> span, ref int pos)
    {
        var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[pos..]);
        var text = Encoding.UTF8.GetString(span.Slice(pos + 8, length));
        pos += 8 + length;
        return text;
    }

    private static uint ReadU32(ReadOnlySpan<byte> span, ref int pos)
    {
        var value = BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]);
        pos += 4;
        return value;
    }

    private static void WriteKey(BinaryWriter w, string key, uint type)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
        w.Write(type);
    }

    private static void Pad(BinaryWriter w)
    {
        while (w.BaseStream.Position % Alignment != 0)
        {
            w.Write((byte)0);
        }
    }

    private static int Padded(int n) => (n + Alignment - 1) / Alignment * Alignment;

    private static long Padded(long n) => (n + Alignment - 1) / Alignment * Alignment;

    private sealed record Tensor(int InfoStart, int InfoLength, long Offset, long DataLength);

    private sealed record Header(int KeysStart, int KeysEnd, int KeyCount, List<Tensor> Tensors, long DataStart);
}
