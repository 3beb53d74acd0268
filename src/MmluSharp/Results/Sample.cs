namespace MmluSharp.Results;

/// <summary>One scored question: a line of <c>samples.jsonl</c>.</summary>
/// <param name="Subject">Subject key.</param>
/// <param name="Index">0-based row in the subject's file.</param>
/// <param name="Gold">Gold letter.</param>
/// <param name="Pred">Predicted letter (argmax of <paramref name="LogProbs"/>, the first on ties; or the letter
/// extracted from <paramref name="Response"/>); empty when a generated answer could not be parsed.</param>
/// <param name="Correct">Whether <paramref name="Pred"/> equals <paramref name="Gold"/>.</param>
/// <param name="LogProbs">Letter → log-probability, in letter order (empty for generated answers).</param>
/// <param name="ShotsUsed">Few-shot examples in the prompt actually scored.</param>
/// <param name="PromptSha256">SHA-256 (hex) of the UTF-8 prompt actually scored.</param>
/// <param name="Response">The generated text, for generative scoring.</param>
/// <param name="Extraction">Which extraction rule found <paramref name="Pred"/> in <paramref name="Response"/>.</param>
/// <param name="Rotation">How far the options were rotated (answer-order robustness); 0 as written.</param>
/// <param name="Options">How many options the question offered, when <paramref name="LogProbs"/> does not say it
/// (generated answers); 0 otherwise.</param>
/// <param name="TruncatedTokens">Tokens cut from the left of the zero-shot prompt because it did not fit the context (lm-evaluation-harness' rule); 0 when it fit.</param>
/// <param name="Floored">Letters whose log-probability is a floor value, not a score (missing from a server's top
/// log-probabilities); null when none.</param>
public sealed record Sample(
    string Subject,
    int Index,
    string Gold,
    string Pred,
    bool Correct,
    IReadOnlyDictionary<string, double> LogProbs,
    int ShotsUsed,
    string PromptSha256,
    string? Response = null,
    string? Extraction = null,
    int Rotation = 0,
    int Options = 0,
    int TruncatedTokens = 0,
    IReadOnlyList<string>? Floored = null)
{
    /// <summary>
    /// The <see cref="Extraction"/> of a generated answer in which no letter was found and whose
    /// <see cref="Pred"/> is TIGER-Lab's random guess (<c>--extract tiger</c>).
    /// </summary>
    public const string GuessRule = "guess";

    /// <summary>How many options the question offered: one per letter scored, or as recorded; 0 when unknown.</summary>
    public int OptionCount => Options > 0 ? Options : LogProbs.Count;

    /// <summary>Unique within a run, the same as its question's <see cref="Prompting.PromptedQuestion.Key"/>.</summary>
    public string Key => Prompting.PromptedQuestion.KeyOf(Subject, Index, Rotation);

    /// <summary>
    /// A generated answer in which no letter was found, counted apart: wrong, or under <c>--extract tiger</c> scored
    /// by TIGER-Lab's guess.
    /// </summary>
    public bool Unparsed => Pred.Length == 0 || Extraction == GuessRule;

    /// <summary>How many of this sample's letters were scored at the floor value.</summary>
    public int FlooredCount => Floored?.Count ?? 0;
}
