namespace MmluSharp.Benchmarks.MmluRedux;

/// <summary>
/// MMLU-Redux's annotation labels. The raw files spell them in 27 ways (<c>OK</c>, <c>Ok </c>,
/// <c>wrong_groundtruth</c>, <c>Wrong Groundtruth</c>, …); <see cref="Normalise"/> maps them to one spelling.
/// </summary>
internal static class ReduxErrorTypes
{
    /// <summary>The question, its options and its gold answer are fine.</summary>
    public const string Ok = "ok";

    /// <summary>The question is unclear.</summary>
    public const string BadQuestionClarity = "bad question clarity";

    /// <summary>The options are unclear.</summary>
    public const string BadOptionsClarity = "bad options clarity";

    /// <summary>The gold answer is wrong; <c>correct_answer</c> may give the right one.</summary>
    public const string WrongGroundtruth = "wrong groundtruth";

    /// <summary>More than one option is correct.</summary>
    public const string MultipleCorrectAnswers = "multiple correct answers";

    /// <summary>No option is correct.</summary>
    public const string NoCorrectAnswer = "no correct answer";

    /// <summary>The annotator could not judge it without an expert.</summary>
    public const string Expert = "expert";

    /// <summary>The seven labels, most frequent first (as in the shipped data).</summary>
    public static IReadOnlyList<string> Known { get; } =
        [Ok, BadQuestionClarity, WrongGroundtruth, MultipleCorrectAnswers, NoCorrectAnswer, Expert, BadOptionsClarity];

    /// <summary>Lower-cased, <c>_</c> → space, trimmed: <c>"Wrong_Groundtruth "</c> → <c>wrong groundtruth</c>.</summary>
    public static string Normalise(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.ToLowerInvariant().Replace('_', ' ').Trim();
    }
}
