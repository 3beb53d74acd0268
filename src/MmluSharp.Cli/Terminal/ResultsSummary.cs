using System.Globalization;
using MmluSharp.Reports;
using MmluSharp.Results;
using MmluSharp.Running;
using Spectre.Console;

namespace MmluSharp.Cli.Terminal;

/// <summary>
/// The few lines a user reads at the end of a run, rendered from the reports' model (<see cref="RunReport"/>): overall,
/// categories, the remarks (chance level, answers without a letter, …), the benchmark's analysis, calibration, where the
/// files are.
/// </summary>
internal static class ResultsSummary
{
    public static void Write(IAnsiConsole console, RunOutcome outcome, string folder)
    {
        var report = RunReport.From(outcome.Results);
        var results = report.Results;
        if (outcome.AlreadyComplete)
        {
            console.MarkupLineInterpolated($"[yellow]{folder} already holds this finished run; nothing was rescored.[/]");
        }
        else if (outcome.Resumed > 0)
        {
            console.MarkupLineInterpolated($"Resumed: {outcome.Resumed} questions were already scored, {outcome.Scored} scored now.");
        }

        if (outcome.Discarded > 0)
        {
            console.MarkupLineInterpolated(
                $"[yellow]{outcome.Discarded} samples were dropped because their question changed in the data (--rescore-changed), and scored again.[/]");
        }

        var table = new Table().AddColumns("", "accuracy", "±95%", "n");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        table.Columns[3].RightAligned();
        var overall = report.Overall;
        table.AddRow("[bold]overall (micro)[/]", Percent(overall.Accuracy), Percent(1.96 * overall.Stderr), Count(overall.N));
        table.AddRow("overall (macro)", Percent(results.Overall.MacroAccuracy), string.Empty, Count(results.Subjects.Count) + " subjects");
        foreach (var category in report.Categories)
        {
            table.AddRow(Markup.Escape(category.Name), Percent(category.Accuracy), Percent(1.96 * category.Stderr), Count(category.N));
        }

        console.Write(table);
        foreach (var remark in report.Remarks)
        {
            console.WriteLine(remark);
        }

        if (results.Analysis is { } analysis)
        {
            console.MarkupLineInterpolated($"[bold]{analysis.Title}[/]");
            foreach (var (view, stats) in analysis.Accuracy)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {view}: {Percent(stats.Accuracy)}% of {Count(stats.N)}"));
            }

            foreach (var note in analysis.Notes)
            {
                console.WriteLine("  " + note);
            }
        }

        var c = report.Calibration;
        var calibration = c.Questions == 0
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"calibration: ECE {c.Ece:F3}, RMS {c.RmsCalibrationError:F3}, Brier {c.Brier:F3} · ");
        console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{calibration}{results.Timing.Seconds:F1} s, {results.Timing.QuestionsPerSecond:F1} questions/s, {results.Timing.TokensDecoded:N0} tokens decoded"));
        var reports = string.Join(" and ", ReportWriters.RunFolder.Select(w => w.FileName));
        console.MarkupLineInterpolated(
            $"Wrote [bold]{Path.Combine(folder, RunFolderFiles.Results)}[/], {RunFolderFiles.Samples}, {reports}.");
    }

    private static string Percent(double value) => (100 * value).ToString("F2", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
