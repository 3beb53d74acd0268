using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>A request tokenized at the number of shots that fits the context.</summary>
/// <param name="Request">The request.</param>
/// <param name="Shots">Examples kept.</param>
/// <param name="PromptTokens"><c>tokens(Render(Shots))</c>, with BOS.</param>
/// <param name="Continuations">One per continuation, in request order.</param>
internal sealed record QuestionPlan(ScoreRequest Request, int Shots, int[] PromptTokens, IReadOnlyList<ContinuationPlan> Continuations)
{
    /// <summary>Continuations that need a branch sequence (more than one token).</summary>
    public int Branches => Continuations.Count(c => c.BranchTokens > 0);

    /// <summary>Sequences the question occupies: its prompt plus one per branch.</summary>
    public int Sequences => 1 + Branches;

    /// <summary>KV cells (= tokens decoded) the question needs beyond a shared prefix of <paramref name="prefixLength"/> tokens.</summary>
    public int Cells(int prefixLength) => PromptTokens.Length - prefixLength + Continuations.Sum(c => c.BranchTokens);

    /// <summary>
    /// Whether the question can continue a prefix already in the cache: its prompt tokens must start with the
    /// prefix tokens, and every continuation must diverge after the prefix.
    /// </summary>
    public bool CanShare(int[] prefix) =>
        PromptTokens.Length > prefix.Length
        && PromptTokens.AsSpan().StartsWith(prefix)
        && Continuations.All(c => c.Common > prefix.Length);
}
