using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>The tables of a single-run report, in the order they are shown.</summary>
internal static class RunReportTables
{
    private static readonly string[] AccuracyColumns = ["accuracy %", "95% interval", "stderr %", "correct", "n"];

    public static IReadOnlyList<ReportTable> Build(
        RunResults results, AccuracyRow overall, IReadOnlyList<AccuracyRow> categories,
        IReadOnlyList<AccuracyRow> subcategories, IReadOnlyList<AccuracyRow> subjects) =>
    [
        Overall(results, overall),
        ReportTable.Of("Categories", 1, ["category", .. AccuracyColumns], categories.Select(r => Cells(r, [r.Name]))),
        ReportTable.Of("Subcategories", 2, ["subcategory", "category", .. AccuracyColumns], subcategories.Select(r => Cells(r, [r.Name, r.Group]))),
        ReportTable.Of(
            "Subjects", 3, ["rank", "subject", "category", .. AccuracyColumns],
            subjects.Select((r, i) => Cells(r, [(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name, r.Group])),
            "Sorted by accuracy, best first." + (results.Overall.Chance is double chance ? $" Chance is {InvariantNumbers.PctShort(chance)}%." : string.Empty)),
        Calibration(results.Calibration),

        // After the five tables the HTML report places its charts beside (it finds them by position).
        .. Analysis(results.Analysis),
        WhatRan(results),
        Timing(results),
    ];

    /// <summary>What the benchmark adds: accuracy under other views, then counts, with the notes below.</summary>
    private static IEnumerable<ReportTable> Analysis(BenchmarkAnalysis? analysis)
    {
        if (analysis is null)
        {
            yield break;
        }

        var notes = string.Join(" ", analysis.Notes);
        yield return ReportTable.Of(
            analysis.Title, 1, ["view", .. AccuracyColumns],
            analysis.Accuracy.Select(v => (IReadOnlyList<string>)
                [v.Key, InvariantNumbers.Pct(v.Value.Accuracy), InvariantNumbers.Interval(v.Value.Ci95[0], v.Value.Ci95[1]),
                 InvariantNumbers.Pct2(v.Value.Stderr), InvariantNumbers.Int(v.Value.Correct), InvariantNumbers.Int(v.Value.N)]),
            analysis.Counts.Count == 0 ? notes : string.Empty);
        if (analysis.Counts.Count > 0)
        {
            yield return ReportTable.Of(
                analysis.Title + ": counts", 1, ["what", "count"],
                analysis.Counts.Select(c => (IReadOnlyList<string>)[c.Key, InvariantNumbers.Int(c.Value)]),
                notes);
        }
    }

    private static IReadOnlyList<string> Cells(AccuracyRow r, IReadOnlyList<string> names) =>
        [.. names, InvariantNumbers.Pct(r.Accuracy), InvariantNumbers.Interval(r.Lower, r.Upper), InvariantNumbers.Pct2(r.Stderr), InvariantNumbers.Int(r.Correct), InvariantNumbers.Int(r.N)];

    private static ReportTable Overall(RunResults results, AccuracyRow overall)
    {
        var o = results.Overall;
        var ci = o.Ci95.Count == 2 ? InvariantNumbers.Interval(o.Ci95[0], o.Ci95[1]) : InvariantNumbers.Interval(overall.Lower, overall.Upper);
        var macro = MacroInterval(results);
        return ReportTable.Of(
            "Overall", 1, ["measure", .. AccuracyColumns],
            [
                ["micro (all questions)", InvariantNumbers.Pct(o.Accuracy), ci, InvariantNumbers.Pct2(o.Stderr), InvariantNumbers.Int(o.Correct), InvariantNumbers.Int(o.N)],
                ["macro (mean of subjects)", InvariantNumbers.Pct(o.MacroAccuracy), InvariantNumbers.Interval(macro.Lower, macro.Upper), InvariantNumbers.Pct2(macro.Stderr), "", InvariantNumbers.Int(results.Subjects.Count)],
            ],
            "Micro accuracy is what Hendrycks et al. and lm-evaluation-harness report; macro is what QLoRA and HELM report.");
    }

    /// <summary>The macro mean's stderr: √(Σ stderr_s²) / S, subjects being independent samples.</summary>
    private static (double Lower, double Upper, double Stderr) MacroInterval(RunResults results)
    {
        var count = results.Subjects.Count;
        if (count == 0)
        {
            return (0, 0, 0);
        }

        var stderr = Math.Sqrt(results.Subjects.Values.Sum(s => s.Stderr * s.Stderr)) / count;
        var mean = results.Overall.MacroAccuracy;
        var (lower, upper) = AccuracyStats.Interval(mean, stderr);
        return (lower, upper, stderr);
    }

    private static ReportTable Calibration(CalibrationStats c) =>
        ReportTable.Of(
            "Calibration", 1, ["confidence bin", "questions", "mean confidence %", "accuracy %", "gap"],
            c.Bins.Where(b => b.N > 0).Select(b => (IReadOnlyList<string>)
                [InvariantNumbers.Interval(b.Lower, b.Upper), InvariantNumbers.Int(b.N), InvariantNumbers.Pct(b.Confidence), InvariantNumbers.Pct(b.Accuracy), InvariantNumbers.Delta(b.Accuracy - b.Confidence)]),
            c.Questions == 0
                ? "No answer was scored from choice probabilities (the replies were generated): there is nothing to calibrate."
                : $"ECE {InvariantNumbers.Pct2(c.Ece)}%, RMS calibration error {InvariantNumbers.Pct2(c.RmsCalibrationError)}%, Brier score {InvariantNumbers.Num(c.Brier)}. Confidence is the softmax over the choices' log-probabilities.");

    private static ReportTable WhatRan(RunResults r) =>
        ReportTable.Of(
            "What ran", 2, ["setting", "value"],
            [
                ["model", r.Model.Name],
                .. r.Model.Hub is { } hub ? new[] { (IReadOnlyList<string>)["model on the Hub", $"{hub.Reference} at commit {hub.Commit} ({hub.Endpoint})"] } : [],
                ["model file", r.Model.Path ?? "(none)"],
                ["model sha256", r.Model.Sha256 ?? "(none)"],
                ["benchmark", $"{r.Benchmark}, {r.Split} split"],
                ["scoring", r.Scoring],
                ["shots", InvariantNumbers.Int(r.Shots)],
                ["prompt style", $"{r.Run.PromptStyle} (prompt version {InvariantNumbers.Int(r.Run.PromptVersion)})"],
                ["grouping", r.Run.Grouping],
                ["tool", $"mmlusharp {r.Run.ToolVersion}"],
                ["command", r.Run.CommandLine],
                ["date", r.Run.Date.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture)],
            ]);

    private static ReportTable Timing(RunResults r) =>
        ReportTable.Of(
            "Timing", 1, ["measure", "value"],
            [
                ["scoring time", $"{InvariantNumbers.Num(r.Timing.Seconds, "0.0")} s"],
                ["questions per second", InvariantNumbers.Num(r.Timing.QuestionsPerSecond, "0.00")],
                ["tokens decoded", InvariantNumbers.Int(r.Timing.TokensDecoded)],
            ]);
}
