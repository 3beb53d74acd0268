using MmluSharp.LlamaCpp.Gguf;
using MmluSharp.LlamaCpp.Limits;
using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>Options the model or the machine cannot honour are refused before llama.cpp is called (it used to segfault).</summary>
public sealed class ModelLimitsTests : IDisposable
{
    private const long GiB = 1L << 30;
    private readonly string _dir = Directory.CreateTempSubdirectory("mmlu-limits-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    // llama.cpp logs "llama_kv_cache: size = 0.62 MiB (1024 cells, 5 layers, 256/1 seqs), K (f16): 0.31 MiB, V (f16): 0.31 MiB"
    // for stories260K at --context 1000: 1024 cells × 5 layers × 4 KV heads × (8 + 8) dims × 2 bytes.
    [InlineData(1000, false, 655_360)]
    [InlineData(1024, true, 1_310_720)]
    [InlineData(100_000_000, false, 64_000_000_000)]
    public void The_KV_cache_size_is_computed_from_the_header_as_llama_cpp_allocates_it(int context, bool f32, long bytes)
    {
        var header = GgufHeader.Read(SharedData.Model(Models.Stories));

        Assert.Equal(bytes, KvCacheSize.Bytes(header, context, f32));
    }

    [Fact]
    public void Generation_takes_a_cache_per_question_and_the_prefix_but_no_more_than_fit_in_memory()
    {
        // stories260K at --context 1024: 655,360 bytes per cache (see above); 80 % of the memory is offered to them.
        var header = GgufHeader.Read(SharedData.Model(Models.Stories));
        var options = new LlamaCppOptions { MaxParallelSequences = 32 };
        const long PerCache = 655_360;

        Assert.Equal(33, ModelLimits.GenerationStreams(options, header, 1024, 512, 16 * GiB));
        Assert.Equal(9, ModelLimits.GenerationStreams(options, header, 1024, 512, (9 * PerCache * 5 / 4) + 8));
        Assert.Equal(5, ModelLimits.GenerationStreams(options with { MaxParallelSequences = 32 }, header, 1024, 5, 16 * GiB));

        var e = Assert.Throws<LlamaCppOptionException>(() => ModelLimits.GenerationStreams(options, header, 1024, 512, PerCache * 2));
        Assert.Equal("ContextSize", e.Option);
        Assert.Contains("two do not fit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_context_beyond_the_training_context_is_refused_before_llama_cpp_is_called()
    {
        var e = Assert.Throws<LlamaCppOptionException>(() => Models.Load(Models.Stories, new LlamaCppOptions { ContextSize = 100_000_000 }));

        Assert.Equal("ContextSize", e.Option);
        Assert.Equal("ContextSize 100000000: more than the 2,048 tokens stories260K.gguf was trained with (context_length in its header); use at most 2048", e.Message);
    }

    [Fact]
    public void A_KV_cache_larger_than_the_memory_available_is_refused_naming_the_context()
    {
        var path = GgufPatch.Copy(Models.Stories, _dir, "long-context.gguf");
        GgufPatch.SetUInt32(path, "llama.context_length", int.MaxValue);
        var header = GgufHeader.Read(path);
        var options = new LlamaCppOptions { ContextSize = 2_000_000_000 };

        var e = Assert.Throws<LlamaCppOptionException>(() => ModelLimits.Check(options, header, GgufInspector.Describe(header), 2_000_000_000, 512, 16 * GiB));

        Assert.Equal(
            "ContextSize 2000000000: the KV cache of long-context.gguf would need 1192.1 GiB (2,000,000,000 tokens × 5 layers, F16), more than the 16.0 GiB of memory available",
            e.Message);
    }

    [Fact]
    public void A_batch_whose_logits_do_not_fit_beside_the_cache_is_refused_naming_the_batch()
    {
        var header = GgufHeader.Read(SharedData.Model(Models.Llama2Tiny));
        var options = new LlamaCppOptions { ContextSize = 4096, BatchSize = 4096 };
        var kv = KvCacheSize.Bytes(header, 4096, f32: false);

        var e = Assert.Throws<LlamaCppOptionException>(() => ModelLimits.Check(options, header, GgufInspector.Describe(header), 4096, 4096, kv + (100 << 20)));

        Assert.Equal("BatchSize", e.Option);
        Assert.StartsWith("BatchSize 4096: the logits of one batch would need 0.5 GiB (4,096 tokens × 32,000-token vocabulary)", e.Message, StringComparison.Ordinal);
        ModelLimits.Check(options, header, GgufInspector.Describe(header), 4096, 4096, kv + (600 << 20));
    }

    [Theory]
    [InlineData(256, 1, "MaxParallelSequences 256: at most 255 questions can be decoded side by side (llama.cpp has 256 sequences and the shared prefix holds one)")]
    [InlineData(8, 100_000, "Threads 100000: at most ")]
    public void Parallel_sequences_and_threads_beyond_what_llama_cpp_or_the_machine_has_are_refused(int parallel, int threads, string message)
    {
        var e = Assert.Throws<LlamaCppOptionException>(() => Models.Load(Models.Stories, new LlamaCppOptions { MaxParallelSequences = parallel, Threads = threads }));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_largest_context_and_parallelism_accepted_still_load_and_score()
    {
        using var model = Models.Load(Models.Stories, new LlamaCppOptions { ContextSize = 2048, MaxParallelSequences = 255, Threads = 1 });

        var results = await model.ScoreAllAsync(MmluPrompts.Build("anatomy", 2, shots: 1));

        Assert.Equal(2048, model.Info.ContextLength);
        Assert.Equal(2, results.Count);
    }
}
