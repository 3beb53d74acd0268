using MmluSharp.Datasets;

namespace MmluSharp.Results;

/// <summary>Turns samples into <see cref="RunResults"/>: micro and macro accuracy, groups, stderr, calibration.</summary>
public static class Aggregator
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
                    return new SubjectStats(stats.Accuracy, stats.N, stats.Correct, stats.Stderr, info.Category, info.Subcategory);
                },
                StringComparer.Ordinal);

        var all = AccuracyStats.Of(samples);
        var macro = subjects.Count == 0 ? 0 : subjects.Values.Average(s => s.Accuracy);
        var (lower, upper) = all.Interval95;
        var ci = new[] { lower, upper };

        return new RunResults(
            RunResults.CurrentSchema,
            description.Benchmark,
            description.Split,
            description.Shots,
            description.Style,
            description.Scoring,
            description.Model,
            new OverallStats(all.Accuracy, macro, all.N, all.Correct, all.Stderr, ci, samples.Count(s => s.Unparsed)),
            Group(samples, s => catalogue.Get(s.Subject).Category, catalogue.Categories),
            Group(samples, s => catalogue.Get(s.Subject).Subcategory, catalogue.Subcategories),
            subjects,
            Calibration.Compute(samples),
            timing,
            description.Run);
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
