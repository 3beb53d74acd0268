namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>How one continuation is scored against its prompt's tokens.</summary>
/// <param name="Common">
/// Length of the longest common prefix of <c>tokens(prompt)</c> and <c>tokens(prompt + continuation)</c>;
/// the first scored token is predicted by the logits at position <c>Common - 1</c>.
/// </param>
/// <param name="Tokens">The tokens of <c>tokens(prompt + continuation)</c> after <see cref="Common"/>: the ones scored.</param>
internal sealed record ContinuationPlan(int Common, int[] Tokens)
{
    /// <summary>Tokens that must be decoded in a branch of their own (all but the last scored one).</summary>
    public int BranchTokens => Math.Max(0, Tokens.Length - 1);
}
