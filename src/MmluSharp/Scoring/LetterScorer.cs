using System.Runtime.CompilerServices;
using MmluSharp.Models;
using MmluSharp.Prompting;

namespace MmluSharp.Scoring;

/// <summary>Letter scoring over any <see cref="ILogLikelihoodModel"/>: see <see cref="LetterScoring"/>.</summary>
internal sealed class LetterScorer(ILogLikelihoodModel model) : IQuestionScorer
{
    /// <inheritdoc />
    public string Method => LetterScoring.Name;

    /// <inheritdoc />
    public async IAsyncEnumerable<ScoredSample> ScoreAsync(
        IReadOnlyList<PromptedQuestion> questions, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var byKey = new Dictionary<string, PromptedQuestion>(questions.Count, StringComparer.Ordinal);
        var requests = new List<ScoreRequest>(questions.Count);
        foreach (var question in questions)
        {
            byKey[question.Key] = question;
            requests.Add(new ScoreRequest(question.Key, question.Prompt, question.Continuations));
        }

        await foreach (var scored in model.ScoreAsync(requests, cancellationToken).ConfigureAwait(false))
        {
            var question = byKey[scored.Id];
            yield return new ScoredSample(LetterScoring.ToSample(question.Question, question.Prompt, scored), scored.TokensDecoded);
        }
    }
}
