using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>A request being scored: its log-probability sums, filled by its works (one, or one per left-truncated window).</summary>
internal sealed class LetterRequest(QuestionPlan plan, int works)
{
    private int _remaining = works;

    public QuestionPlan Plan => plan;

    /// <summary>Summed log-probability of each continuation so far.</summary>
    public double[] Sums { get; } = new double[plan.Continuations.Count];

    /// <summary>Tokens decoded for it (with its group's prefix, for the group's first request).</summary>
    public long Tokens { get; set; }

    /// <summary>Counts a finished work; the result once the last one is.</summary>
    public ScoreResponse? Finish() =>
        --_remaining == 0 ? new ScoreResponse(plan.Request.Id, Sums, plan.Shots, Tokens, plan.TruncatedTokens) : null;
}
