namespace MmluSharp.Results;

/// <summary>The headline numbers of a run.</summary>
/// <param name="Accuracy">Over all questions (micro; Hendrycks, lm-evaluation-harness).</param>
/// <param name="MacroAccuracy">Mean of subject accuracies (QLoRA, HELM).</param>
/// <param name="N">Questions scored.</param>
/// <param name="Correct">Questions answered right.</param>
/// <param name="Stderr">Standard error of <paramref name="Accuracy"/>.</param>
/// <param name="Ci95">Normal-approximation 95% interval of <paramref name="Accuracy"/>, clipped to [0, 1].</param>
/// <param name="Unparsed">Generated answers in which no letter was found (counted as wrong, or scored by TIGER-Lab's guess).</param>
/// <param name="Chance">
/// The accuracy of guessing uniformly at random: the mean of 1/options over the questions scored (0.25 for MMLU,
/// less for MMLU-Pro's up to ten options). Null in results written before it was recorded.
/// </param>
/// <param name="Truncated">Questions whose zero-shot prompt did not fit the context and lost tokens from the left.</param>
/// <param name="FlooredLetters">Answer letters a server did not list among its top log-probabilities, scored at the
/// floor value instead (summed over every session of a resumed run: each sample records its own).</param>
/// <param name="FlooredQuestions">Questions with at least one such letter.</param>
public sealed record OverallStats(
    double Accuracy,
    double MacroAccuracy,
    int N,
    int Correct,
    double Stderr,
    IReadOnlyList<double> Ci95,
    int Unparsed = 0,
    double? Chance = null,
    int Truncated = 0,
    int FlooredLetters = 0,
    int FlooredQuestions = 0);
