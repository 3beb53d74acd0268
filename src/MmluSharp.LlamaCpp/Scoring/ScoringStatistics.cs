namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>
/// Counters and times since the model was loaded (the model serialises scoring, so plain fields suffice). The times
/// say where a run goes: <c>mmlu run</c> writes them to <c>MMLU_PROFILE</c>, and the benchmark reads them.
/// </summary>
internal sealed class ScoringStatistics
{
    /// <summary>Requests scored.</summary>
    public long Requests { get; set; }

    /// <summary>Prefix groups decoded once and shared.</summary>
    public long PrefixGroups { get; set; }

    /// <summary>Tokens decoded as shared prefixes.</summary>
    public long PrefixTokens { get; set; }

    /// <summary>Tokens decoded for single questions (suffixes, branches, and whole prompts from scratch).</summary>
    public long QuestionTokens { get; set; }

    /// <summary>Questions in a shared group whose tokens did not start with the prefix tokens, scored from scratch (left-truncated ones aside).</summary>
    public long Fallbacks { get; set; }

    /// <summary>Requests that lost shots to fit the context.</summary>
    public long Truncated { get; set; }

    /// <summary>Requests whose zero-shot prompt did not fit either and lost tokens from the left.</summary>
    public long LeftTruncated { get; set; }

    /// <summary>Time spent inside llama_decode.</summary>
    public TimeSpan Decoding => PrefixDecoding + QuestionDecoding;

    /// <summary>The share of <see cref="Decoding"/> spent on prefix tokens (a decode mixing both is split by its tokens).</summary>
    public TimeSpan PrefixDecoding { get; set; }

    /// <summary>The share of <see cref="Decoding"/> spent on the questions' own tokens.</summary>
    public TimeSpan QuestionDecoding { get; set; }

    /// <summary>Time turning logits into log-probabilities.</summary>
    public TimeSpan LogitReading { get; set; }

    /// <summary>Time tokenizing and planning requests, on whichever thread planned them.</summary>
    public TimeSpan Planning { get; set; }

    /// <summary>Time the decoding thread waited for plans (planning not hidden behind decoding).</summary>
    public TimeSpan PlanningWait { get; set; }

    /// <summary>Time the engine was working for a caller: everything above plus its own bookkeeping.</summary>
    public TimeSpan Busy { get; set; }

    /// <summary>Time llama.cpp took to load the weights and create the context.</summary>
    public TimeSpan Loading { get; set; }

    /// <summary>Calls to llama_decode.</summary>
    public long Decodes { get; set; }

    /// <summary>Tokens generated (greedy or sampled replies).</summary>
    public long Generated { get; set; }

    /// <summary>Adds a decode's time, split between prefix and question tokens in proportion to their counts.</summary>
    public void AddDecode(TimeSpan elapsed, int prefixTokens, int questionTokens)
    {
        Decodes++;
        var total = prefixTokens + questionTokens;
        var prefixShare = total == 0 ? TimeSpan.Zero : elapsed * ((double)prefixTokens / total);
        PrefixDecoding += prefixShare;
        QuestionDecoding += elapsed - prefixShare;
    }
}
