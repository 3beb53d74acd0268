using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests;

public sealed class BadFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mmlu-gguf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Text_file_is_not_gguf()
    {
        var path = Write("notes.gguf", "hello, this is text\n"u8.ToArray());

        var e = Assert.Throws<ModelLoadException>(() => GgufInspector.Read(path));
        Assert.Equal($"{path}: not a GGUF file (magic 'hell')", e.Message);
    }

    [Fact]
    public void Zip_magic_is_shown_escaped()
    {
        var path = Write("model.gguf", [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]);

        var e = Assert.Throws<ModelLoadException>(() => LlamaCppModel.Load(path, new LlamaCppOptions()));
        Assert.Equal($"{path}: not a GGUF file (magic 'PK\\x03\\x04')", e.Message);
    }

    [Fact]
    public void Empty_and_missing_files()
    {
        var empty = Write("empty.gguf", []);
        Assert.Contains("empty.gguf: not a GGUF file", Assert.Throws<ModelLoadException>(() => GgufInspector.Read(empty)).Message, StringComparison.Ordinal);

        var missing = Path.Combine(_dir, "missing.gguf");
        Assert.Equal($"{missing}: file not found", Assert.Throws<ModelLoadException>(() => LlamaCppModel.Load(missing, new LlamaCppOptions())).Message);
    }

    [Fact]
    public void Truncated_copy_of_a_real_model_fails_before_native_code()
    {
        var real = File.ReadAllBytes(SharedData.Model(Models.Stories));
        var path = Write("cut.gguf", real[..(real.Length / 2)]);

        var e = Assert.Throws<ModelLoadException>(() => LlamaCppModel.Load(path, new LlamaCppOptions()));
        Assert.Equal($"{path}: truncated (header declares {real.Length} bytes, file has {real.Length / 2})", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(20_000)]
    public void Copy_cut_inside_the_header_is_truncated(int length)
    {
        var real = File.ReadAllBytes(SharedData.Model(Models.Llama2Tiny));
        var path = Write("head.gguf", real[..length]);

        var e = Assert.Throws<ModelLoadException>(() => GgufInspector.Read(path));
        Assert.StartsWith($"{path}: truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_version_is_refused()
    {
        var real = File.ReadAllBytes(SharedData.Model(Models.Stories));
        real[4] = 7;
        var path = Write("v7.gguf", real);

        Assert.Equal($"{path}: unsupported GGUF version 7 (expected 2 or 3)", Assert.Throws<ModelLoadException>(() => GgufInspector.Read(path)).Message);
    }

    [Theory]
    [InlineData("ggml-vocab-llama-spm.gguf")]
    [InlineData("ggml-vocab-gpt-2.gguf")]
    public void Vocabulary_only_gguf_is_not_a_model(string file)
    {
        var path = SharedData.Model(Path.Combine("vocab-only", file));

        var e = Assert.Throws<ModelLoadException>(() => LlamaCppModel.Load(path, new LlamaCppOptions()));
        Assert.Equal($"{path}: vocabulary-only GGUF, no weights", e.Message);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
