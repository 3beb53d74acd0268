using System.Globalization;
using MmluSharp.Results;

namespace MmluSharp.Benchmarks.Cmmlu;

/// <summary>
/// What CMMLU adds to a run's results: accuracy over the <c>China specific</c> subjects (a category that overlaps
/// the other four, so the catalogue cannot hold it) and the averages the authors' <c>mp_utils.get_results</c>
/// prints: per category and overall, the mean of the subjects' accuracies.
/// </summary>
internal static class CmmluAnalysis
{
    /// <summary>The analysis of <paramref name="samples"/>.</summary>
    public static BenchmarkAnalysis Analyze(IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var china = samples.Where(s => CmmluCatalogue.ChinaSpecificSubjects.Contains(s.Subject)).ToList();
        var accuracy = new Dictionary<string, AccuracyStats>(StringComparer.Ordinal);
        if (china.Count > 0)
        {
            accuracy[CmmluCatalogue.ChinaSpecific] = AccuracyStats.Of(china.Count(s => s.Correct), china.Count);
        }

        var bySubject = samples.GroupBy(s => s.Subject, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (double)g.Count(s => s.Correct) / g.Count(), StringComparer.Ordinal);
        var parts = new List<string>();
        foreach (var category in CmmluCatalogue.Categories.Append(CmmluCatalogue.ChinaSpecific))
        {
            var members = bySubject.Where(p => InCategory(p.Key, category)).Select(p => p.Value).ToList();
            if (members.Count > 0)
            {
                parts.Add(Percent(category, members.Average()));
            }
        }

        if (bySubject.Count > 0)
        {
            parts.Add(Percent("Overall", bySubject.Values.Average()));
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal) { ["china_specific_questions"] = china.Count };
        var notes = parts.Count == 0 ? [] : new[] { "CMMLU authors' averages (mean of subject accuracies, mp_utils.get_results): " + string.Join(", ", parts) };
        return new BenchmarkAnalysis("CMMLU", accuracy, counts, notes);
    }

    private static bool InCategory(string subject, string category) =>
        category == CmmluCatalogue.ChinaSpecific
            ? CmmluCatalogue.ChinaSpecificSubjects.Contains(subject)
            : CmmluCatalogue.Catalogue.Get(subject).Category == category;

    private static string Percent(string name, double accuracy) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} {accuracy * 100:F2}");
}
