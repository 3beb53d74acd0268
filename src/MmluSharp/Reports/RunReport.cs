using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>
/// The report model of one run, built once from <see cref="RunResults"/>: numeric rows for the charts and the
/// formatted tables that every writer renders.
/// </summary>
internal sealed record RunReport(
    string Title,
    AccuracyRow Overall,
    IReadOnlyList<AccuracyRow> Categories,
    IReadOnlyList<AccuracyRow> Subcategories,
    IReadOnlyList<AccuracyRow> SubjectsByAccuracy,
    CalibrationStats Calibration,
    IReadOnlyList<ReportTable> Tables)
{
    /// <summary>Builds the report of <paramref name="results"/>.</summary>
    public static RunReport From(RunResults results)
    {
        var overall = new AccuracyRow("overall", string.Empty, results.Overall.Accuracy, results.Overall.N, results.Overall.Correct, results.Overall.Stderr);
        var categories = Rows(results.Categories, _ => string.Empty);
        var subcategories = Rows(results.Subcategories, name => CategoryOf(results, name));
        var subjects = results.Subjects
            .Select(s => new AccuracyRow(s.Key, s.Value.Category, s.Value.Accuracy, s.Value.N, s.Value.Correct, s.Value.Stderr))
            .OrderByDescending(r => r.Accuracy)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        var title = $"MMLU report: {results.Model.Name}";
        return new RunReport(
            title, overall, categories, subcategories, subjects, results.Calibration,
            RunReportTables.Build(results, overall, categories, subcategories, subjects));
    }

    private static List<AccuracyRow> Rows(IReadOnlyDictionary<string, AccuracyStats> groups, Func<string, string> parent) =>
        [.. groups.Select(g => new AccuracyRow(g.Key, parent(g.Key), g.Value.Accuracy, g.Value.N, g.Value.Correct, g.Value.Stderr))];

    private static string CategoryOf(RunResults results, string subcategory) =>
        results.Subjects.Values.FirstOrDefault(s => s.Subcategory == subcategory)?.Category ?? string.Empty;
}
