using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>
/// The report model of one run, built once from <see cref="RunResults"/>: numeric rows for the charts and the
/// formatted tables that every writer renders (Markdown, HTML, the <c>mmlu</c> terminal summary, your own
/// <see cref="IReportWriter"/>).
/// </summary>
/// <param name="Title">The page title: the benchmark's title (<see cref="Benchmarks.IBenchmark.Title"/>) and the model, e.g. <c>MMLU report: llama-7b</c>.</param>
/// <param name="Overall">The micro accuracy of the whole run.</param>
/// <param name="Categories">Category rows, in catalogue order.</param>
/// <param name="Subcategories">Subcategory rows, in catalogue order.</param>
/// <param name="SubjectsByAccuracy">Subject rows, best first.</param>
/// <param name="Calibration">The calibration statistics.</param>
/// <param name="Chance">The accuracy of guessing at random (mean of 1/options), or null when the results do not say.</param>
/// <param name="Remarks">Sentences every view shows under the headline (Markdown, HTML, the terminal summary).</param>
/// <param name="Tables">The tables, in the order they are shown.</param>
public sealed record RunReport(
    string Title,
    AccuracyRow Overall,
    IReadOnlyList<AccuracyRow> Categories,
    IReadOnlyList<AccuracyRow> Subcategories,
    IReadOnlyList<AccuracyRow> SubjectsByAccuracy,
    CalibrationStats Calibration,
    double? Chance,
    IReadOnlyList<string> Remarks,
    IReadOnlyList<ReportTable> Tables)
{
    /// <summary>The results the report shows.</summary>
    public required RunResults Results { get; init; }

    /// <summary>Builds the report of <paramref name="results"/>.</summary>
    /// <param name="results">The run's results.</param>
    public static RunReport From(RunResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var overall = new AccuracyRow("overall", string.Empty, results.Overall.Accuracy, results.Overall.N, results.Overall.Correct, results.Overall.Stderr);
        var categories = Rows(results.Categories, _ => string.Empty);
        var subcategories = Rows(results.Subcategories, name => CategoryOf(results, name));
        var subjects = results.Subjects
            .Select(s => new AccuracyRow(s.Key, s.Value.Category, s.Value.Accuracy, s.Value.N, s.Value.Correct, s.Value.Stderr))
            .OrderByDescending(r => r.Accuracy)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        var title = $"{TitleOf(results.Benchmark)} report: {results.Model.Name}";
        return new RunReport(
            title, overall, categories, subcategories, subjects, results.Calibration, results.Overall.Chance, RemarksOf(results),
            RunReportTables.Build(results, overall, categories, subcategories, subjects))
        {
            Results = results,
        };
    }

    /// <summary>The title of the benchmark called <paramref name="benchmark"/> if it is registered, else its name.</summary>
    internal static string TitleOf(string benchmark) => Benchmarks.BenchmarkRegistry.Default.Find(benchmark)?.Title ?? benchmark;

    /// <summary>
    /// What a reader must know beside the accuracy, one sentence each; a count that matters only when it is not zero
    /// (e.g. letters scored at the floor value) belongs here too.
    /// </summary>
    internal static IReadOnlyList<string> RemarksOf(RunResults results)
    {
        var remarks = new List<string>();
        var overall = results.Overall;
        if (overall.Chance is double chance)
        {
            remarks.Add($"Chance is {InvariantNumbers.PctShort(chance)}% (the mean of 1/options over the questions scored).");
        }

        if (overall.Unparsed > 0)
        {
            var scored = results.Run.Extraction == "tiger" ? "scored by TIGER-Lab's random guess" : "counted wrong";
            remarks.Add($"unparsed: {InvariantNumbers.Int(overall.Unparsed)} of {InvariantNumbers.Int(overall.N)} answers held no letter ({scored}).");
        }

        if (overall.Truncated > 0)
        {
            remarks.Add($"truncated: {InvariantNumbers.Int(overall.Truncated)} of {InvariantNumbers.Int(overall.N)} prompts did not fit the context even with no examples and lost tokens from the left, as lm-evaluation-harness does (truncated_tokens in samples.jsonl).");
        }

        if (overall.FlooredLetters > 0)
        {
            var letters = overall.FlooredLetters == 1 ? "answer letter" : "answer letters";
            var questions = overall.FlooredQuestions == 1 ? "question" : "questions";
            var verb = overall.FlooredLetters == 1 ? "was" : "were";
            remarks.Add(
                $"floored: {InvariantNumbers.Int(overall.FlooredLetters)} {letters} in {InvariantNumbers.Int(overall.FlooredQuestions)} {questions} {verb} missing from " +
                "the server's top log-probabilities and scored at the floor value (\"floored\" in samples.jsonl).");
        }

        return remarks;
    }

    private static List<AccuracyRow> Rows(IReadOnlyDictionary<string, AccuracyStats> groups, Func<string, string> parent) =>
        [.. groups.Select(g => new AccuracyRow(g.Key, parent(g.Key), g.Value.Accuracy, g.Value.N, g.Value.Correct, g.Value.Stderr))];

    private static string CategoryOf(RunResults results, string subcategory) =>
        results.Subjects.Values.FirstOrDefault(s => s.Subcategory == subcategory)?.Category ?? string.Empty;
}
