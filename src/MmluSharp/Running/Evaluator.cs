using System.Runtime.CompilerServices;
using MmluSharp.Models;
using MmluSharp.Prompting;
using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Running;

/// <summary>
/// Drives a <see cref="RunPlan"/> through a scorer into a run folder: <c>samples.jsonl</c> grows as questions are
/// scored, an interrupted run resumes where it stopped, and a finished one ends in <c>results.json</c>.
/// </summary>
public sealed class Evaluator(IQuestionScorer scorer, TimeProvider? timeProvider = null)
{
    /// <summary>The samples file in a run folder.</summary>
    public const string SamplesFile = "samples.jsonl";

    /// <summary>The results file in a run folder.</summary>
    public const string ResultsFile = "results.json";

    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    /// <summary>Letter scoring with <paramref name="model"/>.</summary>
    public Evaluator(ILogLikelihoodModel model, TimeProvider? timeProvider = null)
        : this(new LetterScorer(model), timeProvider)
    {
    }

    /// <summary>Scores what is not yet scored in <paramref name="folder"/> and aggregates the whole run.</summary>
    public async Task<RunOutcome> RunAsync(
        RunPlan plan,
        RunDescription description,
        string folder,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var manifest = RunManifest.TryRead(folder);
        manifest?.EnsureSame(plan.Settings, folder);
        manifest ??= RunManifest.New(plan.Settings);
        manifest.Write(folder);

        var samplesPath = Path.Combine(folder, SamplesFile);
        var resultsPath = Path.Combine(folder, ResultsFile);
        var done = new Dictionary<string, Sample>(StringComparer.Ordinal);
        var started = time.GetTimestamp();
        var tokens = new StrongBox<long>();
        int resumed;
        using (var log = SampleLog.Open(samplesPath))
        {
            foreach (var sample in log.Existing)
            {
                done[sample.Key] = sample;
            }

            resumed = done.Count;
            var todo = plan.Items.Where(item => !done.ContainsKey(item.Key)).ToList();
            if (todo.Count == 0 && File.Exists(resultsPath))
            {
                return new RunOutcome(ResultsJson.Read(resultsPath), resumed, 0, AlreadyComplete: true);
            }

            try
            {
                await ScoreAsync(todo, log, done, tokens, plan.Items.Count, resumed, started, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                manifest = manifest with
                {
                    ElapsedSeconds = manifest.ElapsedSeconds + time.GetElapsedTime(started).TotalSeconds,
                    TokensDecoded = manifest.TokensDecoded + tokens.Value,
                };
                manifest.Write(folder);
            }
        }

        var ordered = plan.Items.Select(item => done[item.Key]).ToList();
        SampleLog.Rewrite(samplesPath, ordered);
        var seconds = manifest.ElapsedSeconds;
        var timing = TimingStats.Of(seconds, ordered.Count, manifest.TokensDecoded);
        var results = Aggregator.Aggregate(ordered, description, timing) with { Analysis = plan.Analyze?.Invoke(ordered) };
        ResultsJson.Write(results, resultsPath);
        return new RunOutcome(results, resumed, ordered.Count - resumed, AlreadyComplete: false);
    }

    private async Task ScoreAsync(
        List<PromptedQuestion> todo,
        SampleLog log,
        Dictionary<string, Sample> done,
        StrongBox<long> tokens,
        int total,
        int resumed,
        long started,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        progress?.Report(new RunProgress(done.Count, total, resumed, todo.FirstOrDefault()?.Question.Subject, TimeSpan.Zero));
        await foreach (var scored in scorer.ScoreBySubjectAsync(todo, cancellationToken).ConfigureAwait(false))
        {
            var sample = scored.Sample;
            log.Append([sample]);
            done[sample.Key] = sample;
            tokens.Value += scored.TokensDecoded;
            progress?.Report(new RunProgress(done.Count, total, resumed, sample.Subject, time.GetElapsedTime(started)));
        }
    }
}
