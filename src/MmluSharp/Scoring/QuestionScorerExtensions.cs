using System.Runtime.CompilerServices;
using MmluSharp.Prompting;

namespace MmluSharp.Scoring;

/// <summary>How runs feed a scorer: one subject at a time, so an engine can share each subject's prefix.</summary>
public static class QuestionScorerExtensions
{
    /// <summary>Scores <paramref name="questions"/> subject by subject, in the order subjects first appear.</summary>
    public static async IAsyncEnumerable<ScoredSample> ScoreBySubjectAsync(
        this IQuestionScorer scorer,
        IEnumerable<PromptedQuestion> questions,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        foreach (var subject in questions.GroupBy(q => q.Question.Subject, StringComparer.Ordinal))
        {
            await foreach (var scored in scorer.ScoreAsync([.. subject], cancellationToken).ConfigureAwait(false))
            {
                yield return scored;
            }
        }
    }
}
