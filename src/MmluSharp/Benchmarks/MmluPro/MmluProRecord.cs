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
/// <param name="PaddingDropped">How many <c>N/A</c> options were dropped.</param>
internal sealed record MmluProRecord(
    Question Question,
    long QuestionId,
    string Category,
    string CotContent,
    string Answer,
    int AnswerIndex,
    int PaddingDropped)
{
    /// <summary>Whether <c>answer</c> and <c>answer_index</c> name different options (test question 3983).</summary>
    public bool Inconsistent => Letters.IndexOf(Answer) != AnswerIndex;
}
