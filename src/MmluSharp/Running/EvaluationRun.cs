using MmluSharp.Prompting;
using MmluSharp.Reports;
using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Running;

/// <summary>
/// The one path every evaluation takes, from the library and from <c>mmlu run</c> alike: a plan's questions go through
/// a scorer, subject by subject, and the samples become <see cref="RunResults"/> with the benchmark's catalogue and
/// analysis. In memory the samples are kept; in a run folder <c>samples.jsonl</c> grows as questions are scored, an
/// interrupted run resumes where it stopped (after checking that every stored sample still matches the data and that
/// the settings are the same), and a finished one ends in <c>results.json</c> and the reports.
/// </summary>
internal sealed class EvaluationRun(IQuestionScorer scorer, TimeProvider time)
{
    /// <summary>The command running this evaluation, recorded in <c>run.json</c> (null: none recorded).</summary>
    public RunInvocation? Invocation { get; init; }

    /// <summary>Drop samples whose question changed in the data instead of refusing the folder.</summary>
    public bool RescoreChanged { get; init; }

    /// <summary>What talking to a served model took in this session, asked once scoring is done.</summary>
    public Func<ApiUsage?> Usage { get; init; } = () => null;

    /// <summary>Scores every question of <paramref name="plan"/> and aggregates them; nothing is written.</summary>
    public async Task<RunOutcome> InMemoryAsync(
        EvaluationPlan plan, RunDescription description, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var done = new Dictionary<string, Sample>(plan.Questions.Count, StringComparer.Ordinal);
        var session = new RunSession();
        await ScoreAsync(plan.Questions, null, done, [], session, plan.Questions.Count, 0, started, progress, cancellationToken).ConfigureAwait(false);
        var samples = plan.Questions.Select(q => done[q.Key]).ToList();
        var timing = TimingStats.Of(time.GetElapsedTime(started).TotalSeconds, samples.Count, session.TokensDecoded);
        return new RunOutcome(Aggregate(plan, description, samples, timing), 0, samples.Count, AlreadyComplete: false) { Samples = samples };
    }

    /// <summary>
    /// Scores what is not yet scored in <paramref name="folder"/> (holding its lock meanwhile), aggregates the whole run,
    /// and writes <c>results.json</c> and the reports (the reports also when the run was already finished).
    /// </summary>
    /// <param name="plan">The questions.</param>
    /// <param name="description">What results say about the run.</param>
    /// <param name="settings">What identifies the run: a folder started with other settings is refused.</param>
    /// <param name="folder">The run folder.</param>
    /// <param name="progress">Receives progress.</param>
    /// <param name="cancellationToken">Stops the run; what was scored is kept.</param>
    /// <exception cref="RunFolderInUseException">Another process is using the folder.</exception>
    /// <exception cref="RunMismatchException">The folder holds another run, or samples of data that changed since.</exception>
    public async Task<RunOutcome> InFolderAsync(
        EvaluationPlan plan,
        RunDescription description,
        IReadOnlyDictionary<string, string> settings,
        string folder,
        IProgress<RunProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var held = RunFolderLock.Acquire(folder);
        var manifest = RunManifest.TryRead(folder);
        manifest?.EnsureSame(settings, folder);

        var samplesPath = Path.Combine(folder, RunFolderFiles.Samples);
        var resultsPath = Path.Combine(folder, RunFolderFiles.Results);
        var session = new RunSession();
        var started = time.GetTimestamp();
        using var log = SampleLog.Open(samplesPath);
        var discarded = Reconcile(plan.Questions, manifest, log, folder);
        manifest = (manifest ?? RunManifest.New(settings)) with
        {
            Questions = DataDrift.Count(plan.Questions),
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
        var todo = plan.Questions.Where(item => !done.ContainsKey(item.Key)).ToList();
        if (todo.Count == 0 && discarded == 0 && File.Exists(resultsPath))
        {
            var finished = ResultsJson.Read(resultsPath);
            // Always: reports are views of results.json, and a run killed just after writing it has none yet.
            ReportWriters.WriteRunFolder(finished, folder);
            return new RunOutcome(finished, resumed, 0, AlreadyComplete: true) { Samples = log.Existing };
        }

        try
        {
            await ScoreAsync(todo, log, done, order, session, plan.Questions.Count, resumed, started, progress, cancellationToken).ConfigureAwait(false);
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

        var ordered = plan.Questions.Select(item => done[item.Key]).ToList();
        if (!order.SequenceEqual(plan.Questions.Select(item => item.Key), StringComparer.Ordinal))
        {
            SampleLog.Rewrite(samplesPath, ordered);
        }

        var timing = TimingStats.Of(manifest.ElapsedSeconds, ordered.Count, manifest.TokensDecoded);
        var results = Aggregate(plan, description, ordered, timing);
        ResultsJson.Write(results, resultsPath);
        ReportWriters.WriteRunFolder(results, folder);
        return new RunOutcome(results, resumed, ordered.Count - resumed, AlreadyComplete: false) { Discarded = discarded, Samples = ordered };
    }

    private RunResults Aggregate(EvaluationPlan plan, RunDescription description, IReadOnlyList<Sample> samples, TimingStats timing) =>
        Aggregator.Aggregate(samples, description, timing) with { Analysis = plan.Rendered.Analyze?.Invoke(samples), Api = Usage() };

    /// <summary>
    /// Compares the stored samples with the data now: refuses a folder whose samples no longer match, or (with
    /// <see cref="RescoreChanged"/>) drops those samples. Returns how many were dropped.
    /// </summary>
    private int Reconcile(IReadOnlyList<PromptedQuestion> questions, RunManifest? manifest, SampleLog log, string folder)
    {
        var drift = DataDrift.Find(questions, log.Existing, manifest?.Questions, scorer);
        if (drift.IsEmpty)
        {
            return 0;
        }

        if (!RescoreChanged)
        {
            throw RunMismatchException.Mentioning(drift.Describe(folder));
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

    /// <summary>Scores <paramref name="todo"/> subject by subject, appending each sample to <paramref name="log"/> (when there is one) as it comes.</summary>
    private async Task ScoreAsync(
        IReadOnlyList<PromptedQuestion> todo,
        SampleLog? log,
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
            log?.Append([sample]);
            done[sample.Key] = sample;
            order.Add(sample.Key);
            session.Add(scored);
            progress?.Report(new RunProgress(done.Count, total, resumed, sample.Subject, time.GetElapsedTime(started)));
        }
    }
}
