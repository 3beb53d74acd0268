using MmluSharp.Datasets;
using MmluSharp.Prompting;
using MmluSharp.Results;

namespace MmluSharp.Running;

/// <summary>
/// Joins the run folders of the shards 1/n … n/n of a run (<see cref="EvaluationOptions.Shard"/>) into one run folder
/// whose samples, results and reports equal those of the same run done unsharded (timing is summed).
/// </summary>
public static class RunMerger
{
    /// <summary>Merges <paramref name="shardFolders"/> into <paramref name="folder"/>, holding the folders' locks meanwhile.</summary>
    /// <exception cref="RunMismatchException">The folders are not the complete shards of one run, or <paramref name="folder"/> holds something else.</exception>
    /// <exception cref="RunFolderInUseException">A run or another merge is using one of the folders.</exception>
    public static RunResults Merge(IReadOnlyList<string> shardFolders, string folder)
    {
        using var held = LockDestination(shardFolders, folder);
        return Merge(shardFolders, held);
    }

    /// <summary>
    /// Merges <paramref name="shardFolders"/> into the folder <paramref name="held"/> locks. That folder must be empty
    /// or hold an earlier merge of the same shard folders (which is redone); the shard folders are locked while read.
    /// </summary>
    /// <exception cref="RunMismatchException">The folders are not the complete shards of one run (missing or unfinished shards are named with the command that completes each), or the folder holds something else.</exception>
    /// <exception cref="RunFolderInUseException">A run or another merge is using one of the shard folders.</exception>
    public static RunResults Merge(IReadOnlyList<string> shardFolders, RunFolderLock held)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        ArgumentNullException.ThrowIfNull(held);
        IncompleteShards.ThrowIfAny(shardFolders);
        var folder = held.Folder;
        var inputs = Inputs(shardFolders);
        EnsureFree(folder, inputs);
        var locks = new List<RunFolderLock>();
        try
        {
            foreach (var shard in inputs)
            {
                locks.Add(RunFolderLock.Acquire(shard));
            }

            return MergeLocked(shardFolders, folder, inputs);
        }
        finally
        {
            locks.ForEach(l => l.Dispose());
        }
    }

    private static RunResults MergeLocked(IReadOnlyList<string> shardFolders, string folder, List<string> inputs)
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
            CatalogueOf(shards.Select(s => s.Results)), SizesOf(shards.Select(s => s.Results)));
        var merged = Aggregator.Aggregate(samples, description, TimingStats.Of(seconds, samples.Count, tokens))
            with { Analysis = Analyze(shards, settings, samples) };

        // run.json first: a merge cut short is recognised as the same merge, and redone.
        (RunManifest.New(settings) with
        {
            ElapsedSeconds = seconds,
            TokensDecoded = tokens,
            Questions = samples.GroupBy(s => s.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            MergedFrom = inputs,
        }).Write(folder);
        SampleLog.Rewrite(Path.Combine(folder, RunFolderFiles.Samples), samples);
        ResultsJson.Write(merged, Path.Combine(folder, RunFolderFiles.Results));
        Reports.ReportWriters.WriteRunFolder(merged, folder);
        return merged;
    }

    /// <summary>
    /// Locks <paramref name="folder"/> as the destination of merging <paramref name="shardFolders"/>, refusing it
    /// unless it is missing, empty or an earlier merge of the same shard folders (checked again by
    /// <see cref="Merge(IReadOnlyList{string}, RunFolderLock)"/>). A folder some process uses is reported as in use;
    /// any other refused folder is left untouched, without even a lock file.
    /// </summary>
    /// <exception cref="RunFolderInUseException">A run or another merge is using the folder.</exception>
    /// <exception cref="RunMismatchException">Shards are missing or unfinished (nothing is created then), or the folder holds a run, another merge or other files.</exception>
    public static RunFolderLock LockDestination(IReadOnlyList<string> shardFolders, string folder)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        var exists = Directory.Exists(folder);
        if (!exists)
        {
            // Before the folder is created: a refused merge leaves nothing behind.
            IncompleteShards.ThrowIfAny(shardFolders);
        }
        else if (!File.Exists(Path.Combine(folder, RunFolderLock.LockFile)))
        {
            EnsureFree(folder, Inputs(shardFolders));
        }

        // An existing folder that another process uses is reported as such first.
        var held = RunFolderLock.Acquire(folder);
        if (!exists)
        {
            return held;
        }

        try
        {
            IncompleteShards.ThrowIfAny(shardFolders);
            return held;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    private static List<string> Inputs(IReadOnlyList<string> shardFolders) =>
        [.. shardFolders.Select(FullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Refuses to merge into a folder that holds anything but an earlier merge of the same shard folders: a finished
    /// run, another merge or unrelated files are never replaced.
    /// </summary>
    private static void EnsureFree(string folder, List<string> inputs)
    {
        if (inputs.Contains(FullPath(folder), StringComparer.Ordinal))
        {
            throw RunMismatchException.Mentioning($"{folder}: the merged run cannot go into one of the shard folders; choose a new {OptionText.Mention(nameof(EvaluationOptions.OutputFolder))}.");
        }

        var entries = Directory.EnumerateFileSystemEntries(folder)
            .Select(Path.GetFileName)
            .Where(name => !RunFolderLock.IsLockFile(name!))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        RunManifest? manifest = null;
        try
        {
            manifest = RunManifest.TryRead(folder);
        }
        catch (RunMismatchException)
        {
            // A damaged run.json is refused below like any folder that is not this merge.
        }

        if (manifest?.MergedFrom is { } previous && previous.SequenceEqual(inputs, StringComparer.Ordinal))
        {
            return;
        }

        var what = manifest?.MergedFrom is { } other ? $"the merge of {string.Join(", ", other)}"
            : manifest is not null ? "a run"
            : $"other files ({string.Join(", ", entries.Take(3))}{(entries.Count > 3 ? ", …" : string.Empty)})";
        throw new RunMismatchException($"{folder} already holds {what}; merge into a new or empty folder, or delete that one first.");
    }

    private static string FullPath(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

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
            return EvaluationPlan.Create(EvaluationPlan.OptionsFrom(settings)).Rendered.Analyze?.Invoke(samples);
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

    /// <summary>Each subject's questions in the split, as the shards recorded them (where a shard scored fewer).</summary>
    private static Dictionary<string, int> SizesOf(IEnumerable<RunResults> shards) =>
        shards.SelectMany(r => r.Subjects)
            .Where(s => s.Value.Available is not null)
            .GroupBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(s => s.Value.Available!.Value), StringComparer.Ordinal);

    private static Dictionary<string, string> WithoutShard(IReadOnlyDictionary<string, string> settings) =>
        settings.Where(kv => kv.Key != Shard.SettingName).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static ShardRun Load(string folder)
    {
        var manifest = RunManifest.TryRead(folder) ?? throw new RunMismatchException($"{folder}: no {RunFolderFiles.Manifest}; not a run folder.");
        var resultsPath = Path.Combine(folder, RunFolderFiles.Results);
        if (!File.Exists(resultsPath))
        {
            throw new RunMismatchException($"{folder}: the shard has not finished (no {RunFolderFiles.Results}); run its command again first.");
        }

        return new ShardRun(
            folder,
            manifest,
            Shard.Parse(manifest.Settings.GetValueOrDefault(Shard.SettingName) ?? "1/1"),
            ResultsJson.Read(resultsPath),
            SampleLog.ReadAll(Path.Combine(folder, RunFolderFiles.Samples)));
    }

    private sealed record ShardRun(string Folder, RunManifest Manifest, Shard Shard, RunResults Results, IReadOnlyList<Sample> Samples);
}
