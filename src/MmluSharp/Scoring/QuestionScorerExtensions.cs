using MmluSharp.Prompting;

namespace MmluSharp.Scoring;

/// <summary>How runs feed a scorer: every question in one call, subject after subject.</summary>
internal static class QuestionScorerExtensions
{
    /// <summary>
    /// Scores <paramref name="questions"/> in one call, ordered subject by subject (in the order subjects first appear),
    /// so an engine can share each subject's prefix and prepare the next subject while the current one runs.
    /// </summary>
    public static IAsyncEnumerable<ScoredSample> ScoreBySubjectAsync(
        this IQuestionScorer scorer,
        IEnumerable<PromptedQuestion> questions,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        return scorer.ScoreAsync([.. questions.GroupBy(q => q.Question.Subject, StringComparer.Ordinal).SelectMany(subject => subject)], cancellationToken);
    }
}
