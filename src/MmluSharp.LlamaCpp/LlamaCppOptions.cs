using System.Globalization;

namespace MmluSharp.LlamaCpp;

/// <summary>How <see cref="LlamaCppModel"/> loads and runs a model.</summary>
public sealed record LlamaCppOptions
{
    /// <summary>The default context when none is given: what Hendrycks' evaluate.py truncates at.</summary>
    public const int DefaultContextSize = 2048;

    /// <summary>
    /// The most questions decoded side by side: llama.cpp has 256 sequences (LLAMA_MAX_SEQ) and the shared prefix
    /// holds one of them.
    /// </summary>
    public const int MaxParallelSequencesLimit = 255;

    /// <summary>The most CPU threads accepted: 4 × the cores of this machine.</summary>
    public static int MaxThreads => 4 * Environment.ProcessorCount;

    /// <summary>Tokens per sequence; <c>null</c> means 2,048 or the model's training context if smaller.</summary>
    public int? ContextSize { get; init; }

    /// <summary>
    /// Tokens the KV cache holds for all sequences together (llama.cpp's unified cache); null means
    /// <see cref="ContextSize"/>. Letter scoring needs no more; generation keeps each question's prompt and reply in the
    /// cache until the reply ends, so decoding many questions side by side needs room for all of them beside the shared
    /// prefix. Each sequence still holds at most <see cref="ContextSize"/> tokens.
    /// </summary>
    public int? CacheSize { get; init; }

    /// <summary>Most tokens given to llama.cpp in one decode call (its batch and micro-batch); questions stream through full batches of this size.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>The most questions in flight at once, each on sequences of its own continuing a shared prefix.</summary>
    public int MaxParallelSequences { get; init; } = 32;

    /// <summary>CPU threads for llama.cpp.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// F32 key/value cache, flash attention off and one question in flight at a time, so each question's cells lie in the
    /// cache as they would alone: slower, but a shared prefix gives the numbers of the full prompt decoded alone, bit for
    /// bit. With the defaults (F16 cache, flash attention, questions side by side) they may differ by ~1e-2 in the
    /// log-probabilities (llama.cpp's numbers depend on where cells lie).
    /// </summary>
    public bool ExactKv { get; init; }

    internal void Validate()
    {
        static void Positive(int value, string name)
        {
            if (value <= 0)
            {
                throw new OptionException(name, string.Create(CultureInfo.InvariantCulture, $"must be positive, not {value}."));
            }
        }

        if (ContextSize is { } context)
        {
            Positive(context, nameof(ContextSize));
        }

        if (CacheSize is { } cache)
        {
            Positive(cache, nameof(CacheSize));
        }

        Positive(BatchSize, nameof(BatchSize));
        Positive(MaxParallelSequences, nameof(MaxParallelSequences));
        Positive(Threads, nameof(Threads));
        if (MaxParallelSequences > MaxParallelSequencesLimit)
        {
            throw new LlamaCppOptionException(nameof(MaxParallelSequences), MaxParallelSequences, string.Create(
                CultureInfo.InvariantCulture,
                $"at most {MaxParallelSequencesLimit} questions can be decoded side by side (llama.cpp has 256 sequences and the shared prefix holds one)"));
        }

        if (Threads > MaxThreads)
        {
            throw new LlamaCppOptionException(nameof(Threads), Threads, string.Create(
                CultureInfo.InvariantCulture, $"at most {MaxThreads} (4 × the {Environment.ProcessorCount} cores here)"));
        }
    }

    /// <summary>The context asked of llama.cpp: the option, else 2,048 or the model's training context if smaller.</summary>
    internal int ResolveContextSize(int trainedContext) =>
        ContextSize ?? (trainedContext > 0 ? Math.Min(DefaultContextSize, trainedContext) : DefaultContextSize);

    /// <summary>
    /// The KV cells generation asks for by default: the context, plus room for <paramref name="parallel"/> questions'
    /// own prompt tokens (about 256 beyond a shared prefix) and replies, at most 8 × the context.
    /// </summary>
    internal static int GenerationCacheSize(int contextSize, int parallel, int maxTokens) =>
        (int)Math.Min(contextSize + ((long)parallel * (maxTokens + 256)), 8L * contextSize);

    /// <summary>
    /// These options for generating replies of at most <paramref name="maxOutputTokens"/> tokens (at most half the
    /// context) many questions side by side, as <c>mmlu run --scoring generate</c> does: an F32 KV cache without flash
    /// attention (<see cref="ExactKv"/>), so that a reply does not depend on the questions decoded beside it, and unless
    /// <see cref="CacheSize"/> is set, a cache with room beside the context for <see cref="MaxParallelSequences"/>
    /// questions' own prompt tokens (about 256 beyond a shared prefix) and replies, at most 8 × the context.
    /// </summary>
    /// <param name="maxOutputTokens">The longest reply that will be asked for.</param>
    public LlamaCppOptions ForGeneration(int maxOutputTokens) => this with { ExactKv = true, GenerationTokens = maxOutputTokens };

    /// <summary>The longest reply <see cref="ForGeneration"/> sized the cache for; null: letter scoring.</summary>
    internal int? GenerationTokens { get; init; }

    /// <summary>The KV cache's cells: the option (else what <see cref="ForGeneration"/> needs), but never fewer than <paramref name="contextSize"/>.</summary>
    internal int ResolveCacheSize(int contextSize)
    {
        var generation = GenerationTokens is { } tokens
            ? GenerationCacheSize(contextSize, MaxParallelSequences, Math.Min(tokens, Math.Max(1, contextSize / 2)))
            : contextSize;
        return Math.Max(CacheSize ?? generation, contextSize);
    }
}
