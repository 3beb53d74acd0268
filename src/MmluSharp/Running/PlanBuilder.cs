using System.Globalization;
using MmluSharp.Benchmarks;

namespace MmluSharp.Running;

/// <summary>Builds a <see cref="RunPlan"/>: the benchmark renders the questions, the request's filters apply.</summary>
public static class PlanBuilder
{
    /// <summary>The request a run's recorded settings (<c>run.json</c>) were built from.</summary>
    public static PlanRequest RequestFrom(IReadOnlyDictionary<string, string> settings)
    {
        string? Get(string key) => settings.TryGetValue(key, out var value) && value != "none" ? value : null;
        int? Number(string key) => Get(key) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        var style = Get("style");
        var subjects = Get("subjects");
        return new PlanRequest(
            Get("data") ?? throw new ArgumentException("the run's settings name no data."),
            Get("split") ?? "test",
            Number("shots") ?? 0,
            style is null ? null : style[..style.LastIndexOf("/v", StringComparison.Ordinal)],
            subjects is null or "all" ? null : subjects.Split(','),
            Number("limit"),
            Number("max_samples"),
            Get("benchmark") ?? "mmlu",
            Get("grouping") == "harness" ? Datasets.Grouping.Harness : Datasets.Grouping.Original,
            Get("permute"));
    }

    /// <summary>The questions with their prompts, subjects alphabetical and rows in file order.</summary>
    /// <exception cref="Datasets.DatasetException">The data is missing or malformed.</exception>
    /// <exception cref="ArgumentException">The request does not fit the benchmark.</exception>
    public static RunPlan Build(PlanRequest request)
    {
        var plan = BenchmarkRegistry.Get(request.Benchmark).Plan(request);
        var items = request.MaxSamples is int max ? [.. plan.Items.Take(max)] : plan.Items;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["benchmark"] = request.Benchmark,
            ["data"] = Path.GetFullPath(request.Data),
            ["split"] = plan.Split,
            ["shots"] = plan.Shots.ToString(CultureInfo.InvariantCulture),
            ["style"] = string.Create(CultureInfo.InvariantCulture, $"{plan.Style}/v{plan.StyleVersion}"),
            ["subjects"] = request.Subjects is null ? "all" : string.Join(",", request.Subjects.Order(StringComparer.Ordinal)),
            ["limit"] = request.Limit?.ToString(CultureInfo.InvariantCulture) ?? "none",
            ["max_samples"] = request.MaxSamples?.ToString(CultureInfo.InvariantCulture) ?? "none",
            ["permute"] = request.Permute ?? "none",
        };
        return new RunPlan(items, settings)
        {
            Benchmark = request.Benchmark,
            Split = plan.Split,
            Shots = plan.Shots,
            Style = plan.Style,
            StyleVersion = plan.StyleVersion,
            Catalogue = plan.Catalogue,
            Analyze = plan.Analyze,
            StopSequences = plan.StopSequences,
            MaxNewTokens = plan.MaxNewTokens,
            SubjectSizes = plan.SubjectSizes,
        };
    }
}
