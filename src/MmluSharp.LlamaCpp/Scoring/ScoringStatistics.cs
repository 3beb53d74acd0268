namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>Counters since the model was loaded (the model serialises scoring, so plain fields suffice).</summary>
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

    /// <summary>Time spent inside llama_decode (including reading the logits).</summary>
    public TimeSpan Decoding { get; set; }

    /// <summary>Calls to llama_decode.</summary>
    public long Decodes { get; set; }
}
