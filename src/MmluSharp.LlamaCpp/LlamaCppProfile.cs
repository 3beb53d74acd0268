using MmluSharp.LlamaCpp.Scoring;

namespace MmluSharp.LlamaCpp;

/// <summary>Where a loaded model's time went since it was loaded (seconds), and what it decoded: see <see cref="LlamaCppModel.Profile"/>.</summary>
/// <param name="Load">llama.cpp loading the weights and creating the context.</param>
/// <param name="Busy">The engine working for the run: everything below plus its bookkeeping.</param>
/// <param name="Planning">Tokenizing and planning the prompts, on whichever thread did it.</param>
/// <param name="PlanningWait">The part of it the decoding thread waited for (the rest overlapped decoding).</param>
/// <param name="PrefixDecode">Inside llama_decode, the shared prefixes' share.</param>
/// <param name="QuestionDecode">Inside llama_decode, the questions' own tokens' share.</param>
/// <param name="LogitRead">Turning logits into log-probabilities.</param>
/// <param name="PrefixTokens">Tokens decoded as shared prefixes.</param>
/// <param name="QuestionTokens">Tokens decoded for the questions themselves.</param>
/// <param name="Decodes">Calls to llama_decode.</param>
public sealed record LlamaCppProfile(
    double Load,
    double Busy,
    double Planning,
    double PlanningWait,
    double PrefixDecode,
    double QuestionDecode,
    double LogitRead,
    long PrefixTokens,
    long QuestionTokens,
    long Decodes)
{
    /// <summary>A snapshot of <paramref name="s"/>.</summary>
    internal static LlamaCppProfile Of(ScoringStatistics s) =>
        new(
            s.Loading.TotalSeconds,
            s.Busy.TotalSeconds,
            s.Planning.TotalSeconds,
            s.PlanningWait.TotalSeconds,
            s.PrefixDecoding.TotalSeconds,
            s.QuestionDecoding.TotalSeconds,
            s.LogitReading.TotalSeconds,
            s.PrefixTokens,
            s.QuestionTokens,
            s.Decodes);
}
