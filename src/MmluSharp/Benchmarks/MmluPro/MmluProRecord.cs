using MmluSharp.Datasets;

namespace MmluSharp.Benchmarks.MmluPro;

/// <summary>
/// One MMLU-Pro row as a question (subject = category key, index = position within the category in file order,
/// options without TIGER-Lab's <c>N/A</c> padding, gold = the <c>answer</c> letter) with what the question has no
/// field for.
/// </summary>
/// <param name="Question">The question as scored.</param>
/// <param name="QuestionId">The file's <c>question_id</c> (unique, not contiguous).</param>
/// <param name="Category">The category as the file writes it, e.g. <c>computer science</c>.</param>
/// <param name="CotContent">The worked answer (<c>cot_content</c>): filled in validation, empty in test.</param>
/// <param name="Answer">The file's <c>answer</c> letter.</param>
/// <param name="AnswerIndex">The file's <c>answer_index</c> (0-based, over the options as written).</param>
/// <param name="Options">The options exactly as the file wrote them, <c>N/A</c> padding included.</param>
internal sealed record MmluProRecord(
    Question Question,
    long QuestionId,
    string Category,
    string CotContent,
    string Answer,
    int AnswerIndex,
    IReadOnlyList<string> Options)
{
    /// <summary>How many <c>N/A</c> options <see cref="Question"/> dropped.</summary>
    public int PaddingDropped => Options.Count - Question.Choices.Count;

    /// <summary>
    /// The question with the file's options, <c>N/A</c> padding kept, as lm-evaluation-harness' <c>mmlu_pro</c> shows
    /// it (its <c>process_docs</c> only filters on category); the gold letter is still <c>answer</c>.
    /// </summary>
    public Question WithPadding => PaddingDropped == 0
        ? Question
        : Question with { Choices = Options, AnswerIndex = Letters.IndexOf(Answer) };

    /// <summary>Whether <c>answer</c> and <c>answer_index</c> name different options (test question 3983).</summary>
    public bool Inconsistent => Letters.IndexOf(Answer) != AnswerIndex;
}
