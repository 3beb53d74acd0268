using System.Text;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>Hand-made GGUF headers that used to crash or leak a raw exception instead of a one-line error.</summary>
public sealed class CraftedGgufTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mmlu-crafted-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Array_of_arrays_is_refused_without_recursing()
    {
        using var bytes = new MemoryStream();
        using var w = new BinaryWriter(bytes);
        Start(w, tensors: 0, keys: 1);
        WriteString(w, "nested");
        w.Write(9u); // array
        for (var depth = 0; depth < 3; depth++)
        {
            w.Write(9u); // of arrays
            w.Write(1UL);
        }

        w.Write(4u); // innermost: one uint32
        w.Write(1UL);
        w.Write(7u);
        var path = Write("nested.gguf", bytes.ToArray());

        var e = Assert.Throws<ModelLoadException>(() => GgufInspector.Read(path));
        Assert.Equal($"{path}: corrupt metadata (key 'nested' is an array of arrays)", e.Message);
    }

    [Fact]
    public void Overflowing_tensor_shape_is_a_one_line_error()
    {
        using var bytes = new MemoryStream();
        using var w = new BinaryWriter(bytes);
        Start(w, tensors: 1, keys: 0);
        WriteString(w, "huge");
        w.Write(2u);
        w.Write((ulong)int.MaxValue * 64);
        w.Write((ulong)int.MaxValue * 64);
        w.Write(999u); // unknown type: no byte size, so only the element count overflows
        w.Write(0UL);
        w.Write(new byte[64]); // room for the aligned start of the (empty) data section
        var path = Write("huge.gguf", bytes.ToArray());

        var e = Assert.Throws<ModelLoadException>(() => GgufInspector.Read(path));
        Assert.StartsWith($"{path}: corrupt header", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    private static void Start(BinaryWriter w, ulong tensors, ulong keys)
    {
        w.Write("GGUF"u8);
        w.Write(3u);
        w.Write(tensors);
        w.Write(keys);
    }

    private static void WriteString(BinaryWriter w, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        w.Write((ulong)utf8.Length);
        w.Write(utf8);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
