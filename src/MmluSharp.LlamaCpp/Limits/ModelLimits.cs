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

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
