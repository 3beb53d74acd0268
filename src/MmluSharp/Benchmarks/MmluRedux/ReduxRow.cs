using MmluSharp.Datasets;

namespace MmluSharp.Benchmarks.MmluRedux;

/// <summary>One MMLU-Redux row: the question with MMLU's gold answer, and the annotation.</summary>
/// <param name="Question">The question; <see cref="Question.Index"/> is the 0-based row in the Redux file.</param>
/// <param name="Line">1-based physical line the row starts on.</param>
/// <param name="ErrorType">The normalised label (<see cref="ReduxErrorTypes"/>).</param>
/// <param name="RawErrorType">The label as written.</param>
/// <param name="CorrectAnswerText">The annotator's <c>correct_answer</c> as written (often empty).</param>
/// <param name="CorrectAnswer">The option <paramref name="CorrectAnswerText"/> names unambiguously, if any.</param>
/// <param name="Source">The annotator's evidence (URLs, books), as written.</param>
/// <param name="PotentialReason">The annotator's notes, as written.</param>
internal sealed record ReduxRow(
    Question Question,
    int Line,
    string ErrorType,
    string RawErrorType,
    string CorrectAnswerText,
    int? CorrectAnswer,
    string Source,
    string PotentialReason)
{
    /// <summary>Whether the annotator wrote anything in <c>correct_answer</c>.</summary>
    public bool HasCorrectAnswerText => !string.IsNullOrWhiteSpace(CorrectAnswerText);
}
