using MmluSharp.Reports.Svg;
using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>
/// The HTML report of one run: a single self-contained file (no script, no network) with the Markdown report's
/// tables and inline SVG charts: accuracy by category, every subject sorted with 95% error bars and the chance
/// line (the mean of 1/options), and a reliability diagram.
/// </summary>
internal static class HtmlReport
{
    /// <summary>Writes the page for <paramref name="results"/>; <paramref name="examples"/> adds a table of questions.</summary>
    public static void Write(RunResults results, TextWriter writer, IReadOnlyList<ReportExample>? examples = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        var report = RunReport.From(results);
        HtmlText.WriteStart(writer, report.Title);
        var o = report.Overall;
        writer.Write("<p class=\"summary\"><strong>" + InvariantNumbers.Pct(o.Accuracy) + "%</strong> accuracy " + InvariantNumbers.Interval(o.Lower, o.Upper) + " on " +
            InvariantNumbers.Int(o.N) + " questions of " + InvariantNumbers.Int(results.Subjects.Count) + " subjects (" + HtmlText.Escape(results.Split) + " split, " +
            InvariantNumbers.Int(results.Shots) + "-shot, " + HtmlText.Escape(results.Style) + " prompts, " + HtmlText.Escape(results.Scoring) + " scoring).</p>\n");
        foreach (var remark in report.Remarks)
        {
            writer.Write("<p class=\"note\">" + HtmlText.Escape(remark) + "</p>\n");
        }

        var chance = report.Chance is double c ? $"; the dashed line is chance ({InvariantNumbers.PctShort(c)}%)" : string.Empty;

        var tables = report.Tables;
        HtmlText.WriteTable(writer, tables[0], "overall");
        HtmlText.WriteTable(writer, tables[1], "categories");
        HtmlText.WriteFigure(
            writer, BarChart.Render(report.Categories, "bars categories", "accuracy by category", report.Chance), $"Accuracy by category with 95% intervals{chance}.");
        HtmlText.WriteTable(writer, tables[2], "subcategories");
        HtmlText.WriteFigure(
            writer, BarChart.Render(report.SubjectsByAccuracy, "bars subjects", "accuracy by subject", report.Chance),
            $"Every subject, best first, with 95% intervals; colour is the category{chance}.");
        HtmlText.WriteTable(writer, tables[3], "subjects");
        HtmlText.WriteTable(writer, tables[4], "calibration");
        HtmlText.WriteFigure(writer, ReliabilityDiagram.Render(report.Calibration), "Reliability diagram: bars are each bin's accuracy, dots its mean confidence; a calibrated model follows the diagonal.");
        foreach (var table in tables.Skip(5))
        {
            HtmlText.WriteTable(writer, table);
        }

        if (examples is { Count: > 0 })
        {
            HtmlText.WriteTable(writer, ReportTable.Of(
                "Example questions", 2, ["subject", "question", "gold", "predicted"],
                examples.Select(e => (IReadOnlyList<string>)[$"{e.Subject} #{InvariantNumbers.Int(e.Index)}", e.Question, e.Gold, e.Pred])), "examples");
        }

        HtmlText.WriteEnd(writer);
    }

    /// <summary>The page as a string.</summary>
    public static string ToText(RunResults results, IReadOnlyList<ReportExample>? examples = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(results, writer, examples);
        return writer.ToString();
    }
}
