using MmluSharp.Models;
using MmluSharp.Prompting;
using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Running;

/// <summary>
/// In-memory evaluation for code that holds a model, such as a training loop between epochs (what QLoRA's
/// <c>MMLUEvalCallback</c> does during fine-tuning): no run folder, the same <see cref="RunResults"/> as
/// <c>mmlu run</c>. Build the questions once with <see cref="PlanBuilder"/> and evaluate as often as needed.
/// </summary>
public sealed class MmluEvaluator(IQuestionScorer scorer, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    /// <summary>Letter scoring with <paramref name="model"/>.</summary>
    public MmluEvaluator(ILogLikelihoodModel model, TimeProvider? timeProvider = null)
        : this(new LetterScorer(model), timeProvider)
    {
    }

    /// <summary>Scores <paramref name="questions"/> and aggregates them; samples come back in question order.</summary>
    public async Task<(RunResults Results, IReadOnlyList<Sample> Samples)> EvaluateAsync(
        IReadOnlyList<PromptedQuestion> questions, RunDescription description, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var byKey = new Dictionary<string, Sample>(questions.Count, StringComparer.Ordinal);
        long tokens = 0;
        await foreach (var scored in scorer.ScoreBySubjectAsync(questions, cancellationToken).ConfigureAwait(false))
        {
            byKey[scored.Sample.Key] = scored.Sample;
            tokens += scored.TokensDecoded;
        }

        var samples = questions.Select(q => byKey[q.Key]).ToList();
        var seconds = time.GetElapsedTime(started).TotalSeconds;
        var timing = TimingStats.Of(seconds, samples.Count, tokens);
        return (Aggregator.Aggregate(samples, description with { Scoring = scorer.Method }, timing), samples);
    }
}
