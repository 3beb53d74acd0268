using System.Security.Cryptography;
using System.Text;
using MmluSharp.Datasets;
using MmluSharp.Models;
using MmluSharp.Prompting;
using MmluSharp.Results;

namespace MmluSharp.Scoring;

/// <summary>
/// Letter scoring: the prediction is the answer letter whose continuation has the highest log-probability
/// (numpy's argmax: the first on ties), as evaluate.py and lm-evaluation-harness' <c>acc</c> do.
/// </summary>
internal static class LetterScoring
{
    /// <summary>The name written in results for this method.</summary>
    public const string Name = "letter";

    /// <summary>Turns a scored request into a sample of <paramref name="question"/>.</summary>
    public static Sample ToSample(Question question, Prompt prompt, ScoreResponse scored)
    {
        var letters = Letters.First(scored.LogProbabilities.Count);
        var best = 0;
        for (var i = 1; i < scored.LogProbabilities.Count; i++)
        {
            if (scored.LogProbabilities[i] > scored.LogProbabilities[best])
            {
                best = i;
            }
        }

        var logprobs = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < letters.Count; i++)
        {
            logprobs[letters[i]] = scored.LogProbabilities[i];
        }

        var gold = question.AnswerLetter;
        return new Sample(
            question.Subject,
            question.Index,
            gold,
            letters[best],
            letters[best] == gold,
            logprobs,
            scored.ShotsUsed,
            Sha256Hex(prompt.Render(scored.ShotsUsed)),
            Rotation: question.Rotation,
            TruncatedTokens: scored.TruncatedTokens,
            Floored: scored.Floored is { Count: > 0 } floored ? [.. floored.Order().Select(i => letters[i])] : null);
    }

    internal static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
