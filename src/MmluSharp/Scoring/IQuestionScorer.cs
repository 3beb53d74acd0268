using MmluSharp.Prompting;
using MmluSharp.Results;

namespace MmluSharp.Scoring;

/// <summary>
/// Turns prompted questions into samples by one scoring method (letter log-probabilities, generated answers, …).
/// Questions arrive a subject at a time so an engine can share work; samples may come back in any order.
/// </summary>
internal interface IQuestionScorer
{
    /// <summary>The method's name as results record it, e.g. <c>letter</c>.</summary>
    string Method { get; }

    /// <summary>Scores every question, yielding each sample as soon as it is known.</summary>
    IAsyncEnumerable<ScoredSample> ScoreAsync(IReadOnlyList<PromptedQuestion> questions, CancellationToken cancellationToken = default);

    /// <summary>
    /// The <see cref="Sample.PromptSha256"/> this scorer records for <paramref name="question"/> scored with
    /// <paramref name="shotsUsed"/> examples: what a resumed run compares stored samples with. By default the
    /// SHA-256 of the prompt with that many shots, as letter scoring sends it.
    /// </summary>
    string PromptSha256(PromptedQuestion question, int shotsUsed) => PromptHash.Of(question.Prompt.Render(shotsUsed));
}
