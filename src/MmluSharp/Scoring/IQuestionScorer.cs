using MmluSharp.Prompting;
using MmluSharp.Results;

namespace MmluSharp.Scoring;

/// <summary>
/// Turns prompted questions into samples by one scoring method (letter log-probabilities, generated answers, …).
/// Questions arrive a subject at a time so an engine can share work; samples may come back in any order.
/// </summary>
public interface IQuestionScorer
{
    /// <summary>The method's name as results record it, e.g. <c>letter</c>.</summary>
    string Method { get; }

    /// <summary>Scores every question, yielding each sample as soon as it is known.</summary>
    IAsyncEnumerable<ScoredSample> ScoreAsync(IReadOnlyList<PromptedQuestion> questions, CancellationToken cancellationToken = default);
}
