using LLama;
using LLama.Common;
using LLama.Native;
using MmluSharp.LlamaCpp.Batching;
using MmluSharp.LlamaCpp.Native;
using MmluSharp.LlamaCpp.Scoring;

namespace MmluSharp.LlamaCpp.Generation;

/// <summary>
/// The llama.cpp context generation runs on, apart from letter scoring's: a KV stream per sequence (llama.cpp's
/// <c>kv_unified = false</c>), each holding the whole context, so a question copied from its prefix has its cells laid
/// out exactly as when it is decoded alone and attends to no other question's cells; an F16 cache (F32 with
/// <see cref="LlamaCppOptions.ExactKv"/>) without flash attention, whose CPU kernels take other paths for one query
/// than for many. A reply is then the same whichever questions are decoded beside it.
/// </summary>
internal sealed class GenerationContext : IDisposable
{
    private readonly LLamaContext _context;

    private GenerationContext(LLamaContext context, GenerationEngine engine)
    {
        _context = context;
        Engine = engine;
    }

    public GenerationEngine Engine { get; }

    /// <summary>
    /// Creates the context on <paramref name="weights"/>: <paramref name="sequences"/> KV streams of
    /// <paramref name="contextSize"/> cells, one for the shared prefix and one per question side by side (see
    /// <see cref="Limits.ModelLimits.GenerationStreams"/>).
    /// </summary>
    /// <exception cref="ModelLoadException">llama.cpp could not create the context.</exception>
    public static GenerationContext Create(LLamaWeights weights, string path, LlamaCppOptions options, int contextSize, int batchSize, int sequences, ScoringStatistics statistics)
    {
        var type = options.ExactKv ? GGMLType.GGML_TYPE_F32 : GGMLType.GGML_TYPE_F16;
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)(contextSize * sequences),
            BatchSize = (uint)batchSize,
            UBatchSize = (uint)batchSize,
            SeqMax = (uint)sequences,
            KVUnified = false,
            TypeK = type,
            TypeV = type,
            FlashAttention = false,
            Threads = options.Threads,
            BatchThreads = options.Threads,
            GpuLayerCount = 0,
        };

        NativeLog.ClearLastError();
        LLamaContext context;
        try
        {
            context = weights.CreateContext(parameters);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ModelLoadException($"{path}: llama.cpp could not create the generation context ({NativeLog.LastError ?? e.Message})", e);
        }

        var handle = context.NativeHandle;
        var engine = new GenerationEngine(
            handle,
            weights.NativeHandle,
            new GenerationPlanner((text, special) => TokenizerRules.Tokenize(weights, text, special), contextSize),
            new TokenBatch(handle, (int)Math.Min(handle.BatchSize, handle.UBatchSize), statistics),
            (int)handle.MaxSeq,
            statistics);
        return new GenerationContext(context, engine);
    }

    public void Dispose() => _context.Dispose();
}
