using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>A request tokenized at the number of shots that fits the context.</summary>
/// <param name="Request">The request.</param>
/// <param name="Shots">Examples kept.</param>
/// <param name="PromptTokens"><c>tokens(Render(Shots))</c>, with BOS.</param>
/// <param name="Continuations">One per continuation, in request order.</param>
internal sealed record QuestionPlan(ScoreRequest Request, int Shots, int[] PromptTokens, IReadOnlyList<ContinuationPlan> Continuations)
{
    /// <summary>
    /// For a prompt that does not fit even with no shots: the left-truncated windows it is scored in, each decoded on
    /// its own and holding some of the continuations (the others are empty there); null when the prompt fits.
    /// </summary>
    public IReadOnlyList<QuestionPlan>? Windows { get; init; }

    /// <summary>The most prompt tokens a continuation was scored without (cut from the left); 0 when none was.</summary>
    public int TruncatedTokens { get; init; }

    /// <summary>Continuations that need a branch sequence (more than one token).</summary>
    public int Branches => Continuations.Count(c => c.BranchTokens > 0);

    /// <summary>Sequences the question occupies: its prompt plus one per branch.</summary>
    public int Sequences => 1 + Branches;

    /// <summary>KV cells (= tokens decoded) the question needs beyond a shared prefix of <paramref name="prefixLength"/> tokens.</summary>
    public int Cells(int prefixLength) => PromptTokens.Length - prefixLength + Continuations.Sum(c => c.BranchTokens);

    /// <summary>
    /// Whether the question can continue a prefix already in the cache: its prompt tokens must start with the
    /// prefix tokens, and every continuation must diverge after the prefix. A question in windows never can.
    /// </summary>
    public bool CanShare(int[] prefix) =>
        Windows is null
        && PromptTokens.Length > prefix.Length
        && PromptTokens.AsSpan().StartsWith(prefix)
        && Continuations.All(c => c.Common > prefix.Length);
}
