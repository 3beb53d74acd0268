using MmluSharp.Models;
using MmluSharp.Prompting;
using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Running;

/// <summary>
/// Drives a <see cref="RunPlan"/> through a scorer into a run folder: <c>samples.jsonl</c> grows as questions are
/// scored, an interrupted run resumes where it stopped, and a finished one ends in <c>results.json</c>. A resumed
/// run checks that every stored sample still matches the data (prompt hash and gold letter).
/// </summary>
public sealed class Evaluator(IQuestionScorer scorer, TimeProvider? timeProvider = null)
{
    /// <summary>The samples file in a run folder.</summary>
    public const string SamplesFile = "samples.jsonl";

    /// <summary>The results file in a run folder.</summary>
    public const string ResultsFile = "results.json";

    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    /// <summary>The command running this evaluation, recorded in <c>run.json</c> (null: none recorded).</summary>
    public RunInvocation? Invocation { get; init; }

    /// <summary>Letter scoring with <paramref name="model"/>.</summary>
    public Evaluator(ILogLikelihoodModel model, TimeProvider? timeProvider = null)
        : this(new LetterScorer(model), timeProvider)
    {
    }

    /// <summary>
    /// When the data changed since the folder's samples were scored: drop the samples that no longer match and score
    /// those questions again, instead of refusing the folder.
    /// </summary>
    public bool RescoreChanged { get; init; }

    /// <summary>Scores what is not yet scored in <paramref name="folder"/> and aggregates the whole run, holding the folder's lock meanwhile.</summary>
    /// <exception cref="RunFolderInUseException">Another process is using the folder.</exception>
    /// <exception cref="RunMismatchException">The folder holds another run, or samples of data that changed since.</exception>
    public async Task<RunOutcome> RunAsync(
        RunPlan plan,
        RunDescription description,
        string folder,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var held = RunFolderLock.Acquire(folder);
        return await RunAsync(plan, description, held, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scores what is not yet scored in the folder <paramref name="held"/> locks, and aggregates the whole run.</summary>
    /// <exception cref="RunMismatchException">The folder holds another run, or samples of data that changed since.</exception>
    public async Task<RunOutcome> RunAsync(
        RunPlan plan,
        RunDescription description,
        RunFolderLock held,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(held);
        var folder = held.Folder;
        var manifest = RunManifest.TryRead(folder);
        manifest?.EnsureSame(plan.Settings, folder);

        var samplesPath = Path.Combine(folder, SamplesFile);
        var resultsPath = Path.Combine(folder, ResultsFile);
        var session = new RunSession();
        var started = time.GetTimestamp();
        using var log = SampleLog.Open(samplesPath);
        var discarded = Reconcile(plan, manifest, log, folder);
        manifest = (manifest ?? RunManifest.New(plan.Settings)) with
        {
            Questions = DataDrift.Count(plan.Items),
            Command = Invocation ?? manifest?.Command,
        };
        manifest.Write(folder);

        var done = new Dictionary<string, Sample>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var sample in log.Existing)
        {
            done[sample.Key] = sample;
            order.Add(sample.Key);
        }

        var resumed = done.Count;
        var todo = plan.Items.Where(item => !done.ContainsKey(item.Key)).ToList();
        if (todo.Count == 0 && discarded == 0 && File.Exists(resultsPath))
        {
            return new RunOutcome(ResultsJson.Read(resultsPath), resumed, 0, AlreadyComplete: true);
        }

        try
        {
            await ScoreAsync(todo, log, done, order, session, plan.Items.Count, resumed, started, progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Keep the session's totals if the disk allows; the error that stopped the run is the one to report.
            session.Elapsed = time.GetElapsedTime(started);
            TryWrite(manifest.Plus(session), folder);
            throw;
        }

        session.Elapsed = time.GetElapsedTime(started);
        manifest = manifest.Plus(session);
        manifest.Write(folder);

        var ordered = plan.Items.Select(item => done[item.Key]).ToList();
        if (!order.SequenceEqual(plan.Items.Select(item => item.Key), StringComparer.Ordinal))
        {
            SampleLog.Rewrite(samplesPath, ordered);
        }

        var timing = TimingStats.Of(manifest.ElapsedSeconds, ordered.Count, manifest.TokensDecoded);
        var results = Aggregator.Aggregate(ordered, description, timing) with { Analysis = plan.Analyze?.Invoke(ordered) };
        ResultsJson.Write(results, resultsPath);
        return new RunOutcome(results, resumed, ordered.Count - resumed, AlreadyComplete: false) { Discarded = discarded };
    }

    /// <summary>
    /// Compares the stored samples with the data now: refuses a folder whose samples no longer match, or (with
    /// <see cref="RescoreChanged"/>) drops those samples. Returns how many were dropped.
    /// </summary>
    private int Reconcile(RunPlan plan, RunManifest? manifest, SampleLog log, string folder)
    {
        var drift = DataDrift.Find(plan.Items, log.Existing, manifest?.Questions, scorer);
        if (drift.IsEmpty)
        {
            return 0;
        }

        if (!RescoreChanged)
        {
            throw new RunMismatchException(drift.Describe(folder));
        }

        var stale = drift.StaleKeys;
        log.Retain(sample => !stale.Contains(sample.Key));
        return stale.Count;
    }

    private static void TryWrite(RunManifest manifest, string folder)
    {
        try
        {
            manifest.Write(folder);
        }
        catch (IOException)
        {
            // run.json keeps the totals of the sessions before this one.
        }
    }

    private async Task ScoreAsync(
        List<PromptedQuestion> todo,
        SampleLog log,
        Dictionary<string, Sample> done,
        List<string> order,
        RunSession session,
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
            order.Add(sample.Key);
            session.Add(scored);
            progress?.Report(new RunProgress(done.Count, total, resumed, sample.Subject, time.GetElapsedTime(started)));
        }
    }
}
