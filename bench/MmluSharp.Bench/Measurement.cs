using System.Diagnostics;
using MmluSharp.LlamaCpp;

namespace MmluSharp.Bench;

/// <summary>
/// The three figures of issue 13's table for one workload, measured in one run: the unique tokens, the real
/// <c>mmlu run</c> as a child process (repeated <c>--repeat</c> times, each between two pp512 measurements on the
/// benchmark's own model, so each attempt has a limit of its own on a machine whose load moves), and one full-prompt
/// forward per question on the benchmark's model.
/// </summary>
internal sealed record Measurement(TokenCounts Counts, IReadOnlyList<Attempt> Attempts, double ScratchSeconds, string ScratchHow)
{
    /// <summary>The attempt with the median share of the limit (the later of the two middle ones for an even count).</summary>
    public Attempt Median => Attempts.OrderBy(a => a.Share(Counts)).ElementAt(Attempts.Count / 2);

    public static async Task<Measurement> TakeAsync(BenchArguments arguments, Workload workload, Func<string, SampleWatch>? watch = null)
    {
        using var model = LlamaCppModel.Load(arguments.Model, arguments.Engine.Options);
        var counts = workload.Count(model);
        Console.WriteLine($"tokens     full prompts {counts.Full:N0}; unique {counts.Unique:N0} = prefixes {counts.Prefixes:N0} + questions {counts.Questions:N0}");

        var attempts = new List<Attempt>();
        var before = PromptRate.Measure(model);
        for (var n = 1; n <= arguments.Repeat; n++)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"mmlu-bench-{Guid.NewGuid():N}");
            var watcher = watch?.Invoke(Path.Combine(folder, "samples.jsonl"));
            var loadBefore = LoadAverage.Now();
            var run = await MmluChild.RunAsync(arguments.Mmlu, arguments.RunArguments(folder), watcher is null ? null : watcher.Poll).ConfigureAwait(false);
            Directory.Delete(folder, recursive: true);
            var loadAfter = LoadAverage.Now();
            var after = PromptRate.Measure(model);
            var attempt = new Attempt(n, run, (before.Mean + after.Mean) / 2, $"{loadBefore} before, {loadAfter} after");
            attempts.Add(attempt);
            Console.WriteLine($"run {n}      mmlu run {run.Wall.TotalSeconds:F1} s; pp512 {attempt.Pp512:F0} tok/s (mean of 5 before: {before.Mean:F0}, best {before.Best:F0}; "
                + $"after: {after.Mean:F0}, best {after.Best:F0}): {attempt.Share(counts):P0} of the limit; load avg {attempt.Load}");
            before = after;
        }

        var (seconds, how) = await ScratchAsync(model, workload, arguments.ScratchPerSubject, counts).ConfigureAwait(false);
        Console.WriteLine($"load avg   {LoadAverage.Now()} (end)");
        return new Measurement(counts, attempts, seconds, how);
    }

    // One full-prompt forward per question on the loaded engine: all questions, or the first N per subject, extrapolated
    // to all by their full-prompt tokens.
    private static async Task<(double Seconds, string How)> ScratchAsync(LlamaCppModel model, Workload workload, int? perSubject, TokenCounts counts)
    {
        var sample = workload.Requests.GroupBy(r => r.Id[..r.Id.IndexOf('/', StringComparison.Ordinal)])
            .SelectMany(g => g.Take(perSubject ?? int.MaxValue)).ToList();
        var watch = Stopwatch.StartNew();
        await foreach (var _ in model.ScoreFromScratchAsync(sample).ConfigureAwait(false))
        {
        }

        var seconds = watch.Elapsed.TotalSeconds;
        if (sample.Count == workload.Requests.Count)
        {
            return (seconds, $"all {sample.Count:N0} questions, {counts.Full / seconds:F0} tok/s");
        }

        var sampleTokens = workload.Count(model, sample).Full;
        return (seconds * counts.Full / sampleTokens,
            $"measured on {sample.Count:N0} questions ({seconds:F1} s, {sampleTokens / seconds:F0} tok/s), extrapolated by full-prompt tokens");
    }
}
