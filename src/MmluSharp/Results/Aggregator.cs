using MmluSharp.Datasets;

namespace MmluSharp.Results;

/// <summary>Turns samples into <see cref="RunResults"/>: micro and macro accuracy, groups, stderr, calibration.</summary>
internal static class Aggregator
{
    /// <summary>Aggregates <paramref name="samples"/>; groups are weighted by size (micro within each group).</summary>
    public static RunResults Aggregate(
        IReadOnlyCollection<Sample> samples, RunDescription description, TimingStats timing, Catalogue? catalogue = null)
    {
        catalogue ??= description.Catalogue ?? MmluCatalogue.For();
        var subjects = samples
            .GroupBy(s => s.Subject, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var info = catalogue.Get(g.Key);
                    var stats = AccuracyStats.Of(g.ToList());
                    var questions = g.Select(s => s.Index).Distinct().Count();
                    int? available = description.SubjectSizes?.GetValueOrDefault(g.Key) is int size && size > questions ? size : null;
                    return new SubjectStats(stats.Accuracy, stats.N, stats.Correct, stats.Stderr, info.Category, info.Subcategory, available);
                },
                StringComparer.Ordinal);

        var all = AccuracyStats.Of(samples);
        var macro = subjects.Count == 0 ? 0 : subjects.Values.Average(s => s.Accuracy);

        return new RunResults(
            RunResults.CurrentSchema,
            description.Benchmark,
            description.Split,
            description.Shots,
            description.Style,
            description.Scoring,
            description.Model,
            new OverallStats(
                all.Accuracy, macro, all.N, all.Correct, all.Stderr, all.Ci95, samples.Count(s => s.Unparsed), Chance(samples),
                samples.Count(s => s.TruncatedTokens > 0), samples.Sum(s => s.FlooredCount), samples.Count(s => s.FlooredCount > 0)),
            Group(samples, s => catalogue.Get(s.Subject).Category, catalogue.Categories),
            Group(samples, s => catalogue.Get(s.Subject).Subcategory, catalogue.Subcategories),
            subjects,
            Calibration.Compute(samples),
            timing,
            description.Run);
    }

    /// <summary>The mean of 1/options over the samples whose option count is known; null when none is.</summary>
    private static double? Chance(IReadOnlyCollection<Sample> samples)
    {
        var known = samples.Where(s => s.OptionCount > 0).ToList();
        return known.Count == 0 ? null : known.Average(s => 1.0 / s.OptionCount);
    }

    private static Dictionary<string, AccuracyStats> Group(
        IReadOnlyCollection<Sample> samples, Func<Sample, string> key, IReadOnlyList<string> order)
    {
        var groups = samples.GroupBy(key, StringComparer.Ordinal).ToDictionary(
            g => g.Key, g => AccuracyStats.Of(g.ToList()), StringComparer.Ordinal);
        var rank = order.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        return groups
            .OrderBy(g => rank.GetValueOrDefault(g.Key, int.MaxValue))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
    }
}
