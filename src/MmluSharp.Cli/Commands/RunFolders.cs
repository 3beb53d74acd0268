using System.Globalization;
using MmluSharp.Running;

namespace MmluSharp.Cli.Commands;

/// <summary>Where a run goes when no --out is given: runs/&lt;model&gt;-&lt;benchmark&gt;-&lt;split&gt;-&lt;K&gt;shot-&lt;style&gt;[-shardIofN].</summary>
internal static class RunFolders
{
    public static string Default(RunSettings settings, RunPlan plan, Shard? shard)
    {
        var name = settings.Endpoint.Length > 0 ? settings.Model! : Path.GetFileNameWithoutExtension(settings.Model!);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine("runs", string.Create(CultureInfo.InvariantCulture, $"{safe}-{plan.Benchmark}-{plan.Split}-{plan.Shots}shot-{plan.Style}") + shard?.FolderSuffix);
    }
}
