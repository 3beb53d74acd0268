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
    /// Tokens letter scoring's KV cache holds for all sequences together (llama.cpp's unified cache); null means
    /// <see cref="ContextSize"/>, all letter scoring needs. Each sequence still holds at most <see cref="ContextSize"/>
    /// tokens. Generation does not use it: it keeps a stream of <see cref="ContextSize"/> cells per question (see
    /// <see cref="ForGeneration"/>).
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
    /// These options for generating replies of at most <paramref name="maxOutputTokens"/> tokens, as
    /// <c>mmlu run --scoring generate</c> does: the model's generation context is created when it loads (rather than at
    /// its first reply), so that a cache too large for the machine is refused at once. Generation keeps a KV stream of
    /// <see cref="ContextSize"/> cells per question decoded side by side (<see cref="MaxParallelSequences"/>) plus one for
    /// the shared prefix, F16 (F32 with <see cref="ExactKv"/>) without flash attention, so a reply does not depend on the
    /// questions decoded beside it.
    /// </summary>
    /// <param name="maxOutputTokens">The longest reply that will be asked for.</param>
    public LlamaCppOptions ForGeneration(int maxOutputTokens) => this with { GenerationTokens = Math.Max(1, maxOutputTokens) };

    /// <summary>The longest reply <see cref="ForGeneration"/> was asked for; null: not loaded for generation.</summary>
    internal int? GenerationTokens { get; init; }

    /// <summary>The letter-scoring KV cache's cells: the option, but never fewer than <paramref name="contextSize"/>.</summary>
    internal int ResolveCacheSize(int contextSize) => Math.Max(CacheSize ?? contextSize, contextSize);
}
