using MmluSharp.Datasets;
using MmluSharp.Prompting;
using MmluSharp.Results;

namespace MmluSharp.Running;

/// <summary>
/// Joins the run folders of <c>--shard 1/n</c> … <c>n/n</c> into one run folder whose samples and results
/// equal those of the same run done unsharded (timing is summed).
/// </summary>
public static class RunMerger
{
    /// <summary>Merges <paramref name="shardFolders"/> into <paramref name="folder"/>.</summary>
    /// <exception cref="RunMismatchException">The folders are not the complete shards of one run.</exception>
    public static RunResults Merge(IReadOnlyList<string> shardFolders, string folder)
    {
        var shards = shardFolders.Select(Load).ToList();
        var first = shards[0];
        var count = Shard.Parse(first.Manifest.Settings.GetValueOrDefault(Shard.SettingName) ?? "1/1").Count;
        var indices = shards.Select(s => s.Shard.Index).Order().ToList();
        if (shards.Any(s => s.Shard.Count != count) || !indices.SequenceEqual(Enumerable.Range(1, count)))
        {
            throw new RunMismatchException(
                $"merge needs each of the shards 1/{count} … {count}/{count} exactly once; got {string.Join(", ", shards.Select(s => s.Shard))}.");
        }

        var settings = WithoutShard(first.Manifest.Settings);
        foreach (var shard in shards.Skip(1))
        {
            var differences = RunManifest.Differences(settings, WithoutShard(shard.Manifest.Settings));
            if (differences.Count > 0)
            {
                throw new RunMismatchException(
                    $"{shard.Folder} is a shard of another run than {first.Folder} ({string.Join("; ", differences)}).");
            }
        }

        var samples = shards.SelectMany(s => s.Samples)
            .OrderBy(s => s.Subject, StringComparer.Ordinal)
            .ThenBy(s => s.Index)
            .ThenBy(s => s.Rotation)
            .ToList();
        var duplicate = samples.GroupBy(s => s.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RunMismatchException($"question {duplicate.Key} was scored by more than one shard.");
        }

        var seconds = shards.Sum(s => s.Manifest.ElapsedSeconds);
        var tokens = shards.Sum(s => s.Manifest.TokensDecoded);
        var results = first.Results;
        var description = new RunDescription(
            results.Benchmark, results.Split, results.Shots, results.Style, results.Scoring, results.Model, results.Run,
            CatalogueOf(shards.Select(s => s.Results)));
        var merged = Aggregator.Aggregate(samples, description, TimingStats.Of(seconds, samples.Count, tokens))
            with { Analysis = Analyze(shards, settings, samples) };

        Directory.CreateDirectory(folder);
        SampleLog.Rewrite(Path.Combine(folder, Evaluator.SamplesFile), samples);
        ResultsJson.Write(merged, Path.Combine(folder, Evaluator.ResultsFile));
        (RunManifest.New(settings) with { ElapsedSeconds = seconds, TokensDecoded = tokens }).Write(folder);
        return merged;
    }

    /// <summary>
    /// What the benchmark adds from all samples (e.g. MMLU-Redux annotations, answer-order robustness): recomputed
    /// from the data the shards read, since no shard saw every sample.
    /// </summary>
    private static BenchmarkAnalysis? Analyze(List<ShardRun> shards, Dictionary<string, string> settings, List<Sample> samples)
    {
        if (shards.All(s => s.Results.Analysis is null))
        {
            return null;
        }

        try
        {
            return PlanBuilder.Build(PlanBuilder.RequestFrom(settings)).Analyze?.Invoke(samples);
        }
        catch (Exception e) when (e is DatasetException or ArgumentException or IOException)
        {
            throw new RunMismatchException(
                $"the shards' {shards[0].Results.Analysis!.Title} must be recomputed from the data they read, and that failed: {e.Message}", e);
        }
    }

    /// <summary>The catalogue the shards were aggregated with, as their results recorded it.</summary>
    private static Catalogue CatalogueOf(IEnumerable<RunResults> shards)
    {
        var all = shards.ToList();
        var subjects = new Dictionary<string, SubjectInfo>(StringComparer.Ordinal);
        foreach (var (name, stats) in all.SelectMany(r => r.Subjects))
        {
            subjects[name] = new SubjectInfo(name, stats.Subcategory, stats.Category);
        }

        return new Catalogue(
            all[0].Benchmark,
            [.. all.SelectMany(r => r.Categories.Keys).Distinct(StringComparer.Ordinal)],
            [.. all.SelectMany(r => r.Subcategories.Keys).Distinct(StringComparer.Ordinal)],
            subjects);
    }

    private static Dictionary<string, string> WithoutShard(IReadOnlyDictionary<string, string> settings) =>
        settings.Where(kv => kv.Key != Shard.SettingName).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static ShardRun Load(string folder)
    {
        var manifest = RunManifest.TryRead(folder) ?? throw new RunMismatchException($"{folder}: no {RunManifest.FileName}; not a run folder.");
        var resultsPath = Path.Combine(folder, Evaluator.ResultsFile);
        if (!File.Exists(resultsPath))
        {
            throw new RunMismatchException($"{folder}: the shard has not finished (no {Evaluator.ResultsFile}); run its command again first.");
        }

        return new ShardRun(
            folder,
            manifest,
            Shard.Parse(manifest.Settings.GetValueOrDefault(Shard.SettingName) ?? "1/1"),
            ResultsJson.Read(resultsPath),
            SampleLog.ReadAll(Path.Combine(folder, Evaluator.SamplesFile)));
    }

    private sealed record ShardRun(string Folder, RunManifest Manifest, Shard Shard, RunResults Results, IReadOnlyList<Sample> Samples);
}
