using System.Globalization;
using System.Text;

namespace MmluSharp.Running;

/// <summary>
/// Before a merge: the shards of the run that are missing (no run folder among those named) or unfinished (no
/// <c>results.json</c> yet), each with the command that completes it. A shard's recorded command is replayed with
/// its slice and folder fixed, so a shard started by a scheduler (<c>--shard auto</c>) can be finished by hand, and
/// a rerun resumes what the shard already scored.
/// </summary>
internal static class IncompleteShards
{
    /// <exception cref="RunMismatchException">Shards are missing or unfinished; the message has one line per shard.</exception>
    public static void ThrowIfAny(IReadOnlyList<string> folders)
    {
        var found = folders.Select(f => (Folder: f, Manifest: RunManifest.TryRead(f))).ToList();
        var runs = found.Where(f => f.Manifest is not null).Select(f => new ShardFolder(f.Folder, f.Manifest!)).ToList();
        if (runs.Count == 0)
        {
            throw new RunMismatchException(
                $"none of {string.Join(", ", folders)} is a run folder (no {RunFolderFiles.Manifest}): name the folders of mmlu run --shard.");
        }

        var count = runs[0].Shard.Count;
        if (runs.Any(r => r.Shard.Count != count))
        {
            return; // shards of different splits: the merge says so
        }

        var unfinished = runs.Where(r => !File.Exists(Path.Combine(r.Folder, RunFolderFiles.Results))).ToList();
        var present = runs.Select(r => r.Shard.Index).ToHashSet();
        var missing = Enumerable.Range(1, count).Where(i => !present.Contains(i)).Select(i => new Shard(i, count)).ToList();
        if (unfinished.Count == 0 && missing.Count == 0)
        {
            return;
        }

        var command = runs.Select(r => r.Manifest.Command).FirstOrDefault(c => c is not null);
        var spare = found.Where(f => f.Manifest is null).Select(f => f.Folder).ToList();
        var lines = new List<(int Index, string Line)>();
        foreach (var shard in unfinished)
        {
            var saved = SavedSamples(shard.Folder);
            lines.Add((shard.Shard.Index, Line(shard.Shard, shard.Folder, $"unfinished, {saved} saved", shard.Manifest.Command ?? command)));
        }

        foreach (var shard in missing)
        {
            lines.Add((shard.Index, Line(shard, FolderFor(shard, runs, spare), "missing", command)));
        }

        var message = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{count - lines.Count} of {count} shards are finished; complete the others (each command resumes what its shard already scored), then merge again:"));
        foreach (var (_, line) in lines.OrderBy(l => l.Index))
        {
            message.Append('\n').Append("  ").Append(line);
        }

        throw new RunMismatchException(message.ToString());
    }

    private static string Line(Shard shard, string folder, string state, RunInvocation? command)
    {
        var full = Path.GetFullPath(folder);
        var how = command is null
            ? $"run its mmlu run command again with --shard {shard} --out {ShellWords.Quote(full)}"
            : command.ForShard(shard, full).ToString();
        return $"shard {shard} ({folder}, {state}): {how}";
    }

    /// <summary>
    /// Where a missing shard belongs: a named folder with its <c>shardIofN</c> in the name, else a finished shard's
    /// folder name with the index changed, else the next named folder that holds no run.
    /// </summary>
    private static string FolderFor(Shard shard, List<ShardFolder> runs, List<string> spare)
    {
        var token = shard.FolderSuffix[1..];
        var named = spare.FirstOrDefault(f => Path.GetFileName(Path.TrimEndingDirectorySeparator(f)).Contains(token, StringComparison.Ordinal));
        if (named is not null)
        {
            spare.Remove(named);
            return named;
        }

        foreach (var run in runs)
        {
            var own = run.Shard.FolderSuffix[1..];
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(run.Folder));
            if (name.Contains(own, StringComparison.Ordinal))
            {
                return Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(run.Folder)) ?? string.Empty, name.Replace(own, token, StringComparison.Ordinal));
            }
        }

        if (spare.Count > 0)
        {
            named = spare[0];
            spare.RemoveAt(0);
            return named;
        }

        return Path.TrimEndingDirectorySeparator(runs[0].Folder) + shard.FolderSuffix;
    }

    private static string SavedSamples(string folder)
    {
        var path = Path.Combine(folder, RunFolderFiles.Samples);
        var saved = File.Exists(path) ? File.ReadLines(path).Count(l => l.Length > 0) : 0;
        return saved == 1 ? "1 question" : string.Create(CultureInfo.InvariantCulture, $"{saved} questions");
    }

    private sealed record ShardFolder(string Folder, RunManifest Manifest)
    {
        public Shard Shard { get; } = Shard.Parse(Manifest.Settings.GetValueOrDefault(Shard.SettingName) ?? "1/1");
    }
}
