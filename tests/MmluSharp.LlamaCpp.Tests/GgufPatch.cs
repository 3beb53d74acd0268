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
}
