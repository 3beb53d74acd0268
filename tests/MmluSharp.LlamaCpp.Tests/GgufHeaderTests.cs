using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests;

public sealed class GgufHeaderTests
{
    [Theory]
    [InlineData(Models.Stories, 512, 2048, 292_800)]
    [InlineData(Models.Llama2Tiny, 32_000, 4096, 513_048)]
    public void Reads_the_tiny_models(string file, int vocabulary, int context, long parameters)
    {
        var info = GgufInspector.Read(SharedData.Model(file));

        Assert.Equal("llama", info.Architecture);
        Assert.Equal(vocabulary, info.VocabularySize);
        Assert.Equal(context, info.ContextLength);
        Assert.Equal(parameters, info.ParameterCount);
        Assert.Equal(new FileInfo(SharedData.Model(file)).Length, info.FileSize);
        Assert.True(info.BlockCount > 0);
        Assert.True(info.EmbeddingLength > 0);
        Assert.True(info.TensorCount > 0);
        Assert.False(string.IsNullOrEmpty(info.FileType));
    }

    [Fact]
    public void Reads_the_quantized_benchmark_model()
    {
        var info = GgufInspector.Read(SharedData.Model("synthetic-58M-q8_0.gguf"));

        Assert.Equal("Q8_0", info.FileType);
        Assert.InRange(info.ParameterCount, 40_000_000, 80_000_000);
    }
}
