namespace MmluSharp.Models;

/// <summary>The answer to a <see cref="ScoreRequest"/>.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="LogProbabilities">Summed log-probability of each continuation, in request order.</param>
/// <param name="ShotsUsed">Few-shot examples kept after fitting the prompt into the context.</param>
/// <param name="TokensDecoded">Tokens this request caused the engine to decode (its share of a shared prefix included once, by the first request of the group).</param>
/// <param name="TruncatedTokens">
/// Tokens cut from the left of the zero-shot prompt because even it did not fit the context (lm-evaluation-harness'
/// rule); the most any continuation lost. 0 when the prompt fit.
/// </param>
/// <param name="Floored">Continuations (by index) the engine could not score and gave a floor value instead, e.g. letters
/// missing from a server's top log-probabilities; null or empty when every one was scored.</param>
public sealed record ScoreResponse(
    string Id,
    IReadOnlyList<double> LogProbabilities,
    int ShotsUsed,
    long TokensDecoded,
    int TruncatedTokens = 0,
    IReadOnlyList<int>? Floored = null);
