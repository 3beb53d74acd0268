using MmluSharp.Models.Generation;

namespace MmluSharp.LlamaCpp.Generation;

/// <summary>A generation request tokenized at the number of shots that leaves room for its reply.</summary>
/// <param name="Request">The request.</param>
/// <param name="Shots">Examples kept.</param>
/// <param name="Tokens">The prompt's tokens (with BOS), cut from the left when even the zero-shot prompt did not fit.</param>
/// <param name="TruncatedTokens">Tokens cut from the left; 0 when the prompt fit.</param>
internal sealed record GenerationPlan(GenerationRequest Request, int Shots, int[] Tokens, int TruncatedTokens)
{
    /// <summary>Whether the prompt continues <paramref name="prefix"/> (already in the cache) with at least one token of its own.</summary>
    public bool CanShare(int[] prefix) =>
        TruncatedTokens == 0 && Tokens.Length > prefix.Length && Tokens.AsSpan().StartsWith(prefix);
}
