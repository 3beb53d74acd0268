using System.Buffers.Binary;
using System.Text;
using MmluSharp.LlamaCpp.Gguf;
using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>Copies a shared tiny model into a test's temp folder and patches a metadata value or a tensor's data in place.</summary>
internal static class GgufPatch
{
    /// <summary>A copy of <c>shared/models/<paramref name="model"/></c> at <c><paramref name="folder"/>/<paramref name="name"/></c>.</summary>
    public static string Copy(string model, string folder, string name)
    {
        var path = Path.Combine(folder, name);
        File.Copy(SharedData.Model(model), path);
        return path;
    }

    /// <summary>Rewrites the value of a UINT32 metadata key.</summary>
    public static void SetUInt32(string path, string key, uint value)
    {
        var bytes = File.ReadAllBytes(path);
        var name = Encoding.UTF8.GetBytes(key);
        var pattern = new byte[8 + name.Length + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(pattern, (ulong)name.Length);
        name.CopyTo(pattern, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(pattern.AsSpan(8 + name.Length), 4); // GGUF type UINT32
        var at = bytes.AsSpan().IndexOf(pattern);
        Assert.True(at >= 0, $"{key} is not a UINT32 key of {path}");
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = at + pattern.Length;
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, value);
        file.Write(data);
    }

    /// <summary>Sets rows of an F32 or F16 matrix (rows along its innermost dimension, e.g. one token's embedding) to <paramref name="value"/>.</summary>
    public static void FillRows(string path, string tensor, IEnumerable<int> rows, float value)
    {
        var header = GgufHeader.Read(path);
        var info = header.Tensors.Single(t => t.Name == tensor);
        Assert.True(info.Type is 0 or 1, $"{tensor} is neither F32 nor F16");
        var size = info.Type == 0 ? sizeof(float) : 2;
        var width = (int)info.Dimensions[0];
        var row = new byte[width * size];
        for (var i = 0; i < width; i++)
        {
            if (size == sizeof(float))
            {
                BinaryPrimitives.WriteSingleLittleEndian(row.AsSpan(i * size), value);
            }
            else
            {
                BinaryPrimitives.WriteHalfLittleEndian(row.AsSpan(i * size), (Half)value);
            }
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        foreach (var r in rows)
        {
            file.Position = header.DataOffset + info.Offset + ((long)r * row.Length);
            file.Write(row);
        }
    }

    /// <summary>
    /// Adds a STRING metadata key (the file must not have it) before the tensor infos. The value gets a trailing Jinja
    /// comment of spaces so that the bytes added are a multiple of the 32-byte alignment and the tensor data stays aligned.
    /// </summary>
    /// <returns>The value as written.</returns>
    public static string AddString(string path, string key, string value)
    {
        var header = GgufHeader.Read(path);
        Assert.Null(header.GetString(key));
        var bytes = File.ReadAllBytes(path);
        var first = Encoding.UTF8.GetBytes(header.Tensors[0].Name);
        var pattern = new byte[8 + first.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(pattern, (ulong)first.Length);
        first.CopyTo(pattern, 8);
        var at = bytes.AsSpan().IndexOf(pattern);
        Assert.True(at > 0, $"no tensor info for {header.Tensors[0].Name} in {path}");

        var name = Encoding.UTF8.GetBytes(key);
        byte[] text;
        for (var pad = 0; ; pad++)
        {
            text = Encoding.UTF8.GetBytes(value + "{#" + new string(' ', pad) + "#}");
            if ((8 + name.Length + 4 + 8 + text.Length) % 32 == 0)
            {
                break;
            }
        }

        using var added = new MemoryStream();
        using (var w = new BinaryWriter(added, Encoding.UTF8, leaveOpen: true))
        {
            w.Write((ulong)name.Length);
            w.Write(name);
            w.Write(8u); // GGUF type STRING
            w.Write((ulong)text.Length);
            w.Write(text);
        }

        var count = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16), count + 1);
        File.WriteAllBytes(path, [.. bytes.AsSpan(0, at), .. added.ToArray(), .. bytes.AsSpan(at)]);
        return Encoding.UTF8.GetString(text);
    }
}
