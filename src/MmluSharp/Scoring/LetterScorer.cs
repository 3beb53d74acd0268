using System.Runtime.CompilerServices;
using MmluSharp.Datasets;
using MmluSharp.Models;
using MmluSharp.Prompting;
using MmluSharp.Results;

namespace MmluSharp.Scoring;

/// <summary>
/// Letter scoring over any <see cref="ILogLikelihoodModel"/>: the prediction is the answer letter whose continuation
/// has the highest log-probability (numpy's argmax: the first on ties), as evaluate.py and lm-evaluation-harness'
/// <c>acc</c> do.
/// </summary>
internal sealed class LetterScorer(ILogLikelihoodModel model) : IQuestionScorer
{
    /// <summary>The name written in results for this method.</summary>
    public const string Name = "letter";

    /// <inheritdoc />
    public string Method => Name;

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
            yield return new ScoredSample(ToSample(question.Question, question.Prompt, scored), scored.TokensDecoded);
        }
    }

    /// <summary>Turns a scored request into a sample of <paramref name="question"/>.</summary>
    private static Sample ToSample(Question question, Prompt prompt, ScoreResponse scored)
    {
        var letters = Letters.First(scored.LogProbabilities.Count);
        var best = 0;
        for (var i = 1; i < scored.LogProbabilities.Count; i++)
        {
            if (scored.LogProbabilities[i] > scored.LogProbabilities[best])
            {
                best = i;
            }
        }

        var logprobs = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < letters.Count; i++)
        {
            logprobs[letters[i]] = scored.LogProbabilities[i];
        }

        var gold = question.AnswerLetter;
        return new Sample(
            question.Subject,
            question.Index,
            gold,
            letters[best],
            letters[best] == gold,
            logprobs,
            scored.ShotsUsed,
            PromptHash.Of(prompt.Render(scored.ShotsUsed)),
            Rotation: question.Rotation,
            TruncatedTokens: scored.TruncatedTokens,
            Floored: scored.Floored is { Count: > 0 } floored ? [.. floored.Order().Select(i => letters[i])] : null);
    }
}
