using System.Globalization;
using MmluSharp.LlamaCpp.Gguf;

namespace MmluSharp.LlamaCpp.Limits;

/// <summary>
/// Checks the options against the model's header and the machine before llama.cpp is called: a context beyond the
/// model's training context, or a KV cache and a batch of logits larger than the memory available, would otherwise
/// end the process inside llama.cpp (a failed allocation, then a segmentation fault).
/// </summary>
internal static class ModelLimits
{
    private const double GiB = 1 << 30;

    // llama.cpp's LLAMA_MAX_SEQ.
    private const int MaxSequenceIds = 256;

    /// <summary>Throws <see cref="LlamaCppOptionException"/> for the first option that cannot be honoured.</summary>
    /// <param name="options">The options asked for.</param>
    /// <param name="header">The model's header.</param>
    /// <param name="gguf">What the header says.</param>
    /// <param name="contextSize">The context that will be asked of llama.cpp (the option, or its default).</param>
    /// <param name="batchSize">The batch that will be asked of llama.cpp.</param>
    /// <param name="availableBytes">Memory the process can still take.</param>
    public static void Check(LlamaCppOptions options, GgufHeader header, GgufModelInfo gguf, int contextSize, int batchSize, long availableBytes)
    {
        var file = Path.GetFileName(header.Path);
        if (gguf.ContextLength > 0 && contextSize > gguf.ContextLength)
        {
            throw new LlamaCppOptionException(nameof(LlamaCppOptions.ContextSize), contextSize, Invariant(
                $"more than the {gguf.ContextLength:N0} tokens {file} was trained with (context_length in its header); use at most {gguf.ContextLength}"));
        }

        var type = options.ExactKv ? "F32" : "F16";
        var cells = options.ResolveCacheSize(contextSize);
        var kv = KvCacheSize.Bytes(header, cells, options.ExactKv);
        if (kv > availableBytes)
        {
            var (option, value) = cells > contextSize ? (nameof(LlamaCppOptions.CacheSize), cells) : (nameof(LlamaCppOptions.ContextSize), contextSize);
            throw new LlamaCppOptionException(option, value, Invariant(
                $"the KV cache of {file} would need {kv / GiB:0.0} GiB ({cells:N0} tokens × {KvCacheSize.Layers(header)} layers, {type}), more than the {availableBytes / GiB:0.0} GiB of memory available"));
        }

        // The logits of one batch: the least llama.cpp's compute buffer holds beside the cache.
        var logits = (long)batchSize * gguf.VocabularySize * sizeof(float);
        if (kv + logits > availableBytes)
        {
            throw new LlamaCppOptionException(nameof(LlamaCppOptions.BatchSize), options.BatchSize, Invariant(
                $"the logits of one batch would need {logits / GiB:0.0} GiB ({batchSize:N0} tokens × {gguf.VocabularySize:N0}-token vocabulary) beside the {kv / GiB:0.0} GiB KV cache, more than the {availableBytes / GiB:0.0} GiB of memory available"));
        }
    }

    /// <summary>
    /// The most sequence ids a context with batches of <paramref name="batchSize"/> may have: llama.cpp has 256, and it
    /// reserves outputs for max(batch outputs, n_seq_max), asserting (aborting the process) when that exceeds its
    /// n_outputs_max = n_batch.
    /// </summary>
    public static int SequenceIds(int batchSize) => Math.Min(MaxSequenceIds, batchSize);

    /// <summary>
    /// The KV streams generation takes: one for the shared prefix and one per question side by side, as many as
    /// <see cref="LlamaCppOptions.MaxParallelSequences"/> asks (within llama.cpp's sequences and the batch) but no more
    /// than fit in 80% of <paramref name="availableBytes"/>. Fewer streams change the speed, never the replies.
    /// </summary>
    /// <exception cref="LlamaCppOptionException">Not even one question's stream fits beside the prefix's.</exception>
    public static int GenerationStreams(LlamaCppOptions options, GgufHeader header, int contextSize, int batchSize, long availableBytes)
    {
        var wanted = Math.Min(SequenceIds(batchSize), options.MaxParallelSequences + 1);
        var perStream = KvCacheSize.Bytes(header, contextSize, options.ExactKv);
        if (perStream == 0)
        {
            return Math.Max(2, wanted);
        }

        var fit = (long)(availableBytes * 0.8) / perStream;
        if (fit < 2)
        {
            throw new LlamaCppOptionException(nameof(LlamaCppOptions.ContextSize), contextSize, Invariant(
                $"generating with {Path.GetFileName(header.Path)} keeps a KV cache of {contextSize:N0} tokens for the shared prefix and one per question, {perStream / GiB:0.0} GiB each ({(options.ExactKv ? "F32" : "F16")}); two do not fit in the {availableBytes / GiB:0.0} GiB of memory available"));
        }

        return (int)Math.Max(2, Math.Min(wanted, fit));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
