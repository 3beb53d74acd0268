using System.Globalization;
using MmluSharp.Running;

namespace MmluSharp.Cli.Commands;

/// <summary>
/// Where a run goes when no --out is given: runs/&lt;model&gt;-&lt;benchmark&gt;-&lt;split&gt;-&lt;K&gt;shot-&lt;style&gt;[-shardIofN].
/// A Hugging Face reference is named from its text (<c>owner/repo:Q8_0@v1</c> → <c>repo-Q8_0-v1</c>), so the folder is
/// known before anything is asked of the Hub.
/// </summary>
internal static class RunFolders
{
    public static string Default(RunSettings settings, EvaluationPlan plan, Shard? shard)
    {
        var name = settings.Endpoint.Length > 0 ? settings.Model!
            : Composition.HubModels.ReferenceFor(settings.Model!) is { } hub ? HubName(hub)
            : Path.GetFileNameWithoutExtension(settings.Model!);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine("runs", string.Create(CultureInfo.InvariantCulture, $"{safe}-{plan.Benchmark.Name}-{plan.Rendered.Split}-{plan.Rendered.Shots}shot-{plan.Rendered.Style}") + shard?.FolderSuffix);
    }

    private static string HubName(Models.Hub.HubReference hub)
    {
        var name = hub.File is { } file
            ? Path.GetFileName(Models.GgufSplitName.Parse(file)?.Prefix ?? Path.GetFileNameWithoutExtension(file))
            : hub.Repository[(hub.Repository.IndexOf('/', StringComparison.Ordinal) + 1)..] + (hub.Quant is null ? string.Empty : "-" + hub.Quant);
        return hub.Revision is null ? name : name + "-" + hub.Revision;
    }
}
