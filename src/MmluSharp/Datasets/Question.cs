namespace MmluSharp.Datasets;

/// <summary>One multiple-choice question, exactly as its file wrote it.</summary>
/// <param name="Benchmark">The benchmark it belongs to, e.g. <c>mmlu</c>.</param>
/// <param name="Subject">The subject key, e.g. <c>abstract_algebra</c>.</param>
/// <param name="Split"><c>dev</c>, <c>val</c> or <c>test</c>.</param>
/// <param name="Index">0-based row in the subject's file.</param>
/// <param name="Text">The question text, untrimmed.</param>
/// <param name="Choices">The options in order (A, B, C, D, …), untrimmed.</param>
/// <param name="AnswerIndex">0-based index of the gold option.</param>
public sealed record Question(
    string Benchmark,
    string Subject,
    string Split,
    int Index,
    string Text,
    IReadOnlyList<string> Choices,
    int AnswerIndex)
{
    /// <summary>
    /// How far the options were rotated from the file's order (answer-order robustness: option <c>i</c> here is
    /// option <c>(i + Rotation) mod n</c> of the file); 0 for the question as written.
    /// </summary>
    public int Rotation { get; init; }

    /// <summary>The question with its options rotated left by <paramref name="rotation"/>, gold moved with them.</summary>
    public Question Rotated(int rotation)
    {
        var n = Choices.Count;
        return this with
        {
            Choices = [.. Enumerable.Range(0, n).Select(i => Choices[(i + rotation) % n])],
            AnswerIndex = (AnswerIndex - rotation + n) % n,
            Rotation = rotation,
        };
    }

    /// <summary>The gold letter, <c>A</c> for index 0.</summary>
    public string AnswerLetter => Letters.Of(AnswerIndex);
}
