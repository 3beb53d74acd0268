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

    /// <summary>Most tokens given to llama.cpp in one decode call.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Most questions scored side by side as separate sequences over one shared prefix.</summary>
    public int MaxParallelSequences { get; init; } = 32;

    /// <summary>CPU threads for llama.cpp.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// F32 key/value cache and flash attention off: slower, but a shared prefix gives the same numbers as the
    /// full prompt (to ~1e-5). With the defaults (F16 cache) they may differ by ~1e-2 in the log-probabilities.
    /// </summary>
    public bool ExactKv { get; init; }

    internal void Validate()
    {
        static void Positive(int value, string name)
        {
            if (value <= 0)
            {
                // ArgumentException(message) keeps Message to one line (no "(Parameter ...)" / "Actual value" lines).
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} must be positive, not {value}."));
            }
        }

        if (ContextSize is { } context)
        {
            Positive(context, nameof(ContextSize));
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
}
