using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>The Markdown report of one run: overall, categories, subcategories, subjects, calibration, what ran.</summary>
internal static class MarkdownReport
{
    /// <summary>Writes the report of <paramref name="results"/> to <paramref name="writer"/> (LF line ends, invariant culture).</summary>
    public static void Write(RunResults results, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        var report = RunReport.From(results);
        writer.Write("# " + MarkdownText.Escape(report.Title) + "\n\n");
        var o = report.Overall;
        writer.Write(
            $"**{InvariantNumbers.Pct(o.Accuracy)}%** accuracy {InvariantNumbers.Interval(o.Lower, o.Upper)} on {InvariantNumbers.Int(o.N)} questions of " +
            $"{InvariantNumbers.Int(results.Subjects.Count)} subjects ({MarkdownText.Escape(results.Split)} split, {InvariantNumbers.Int(results.Shots)}-shot, " +
            $"{MarkdownText.Escape(results.Style)} prompts, {MarkdownText.Escape(results.Scoring)} scoring).\n\n");
        foreach (var remark in report.Remarks)
        {
            writer.Write(MarkdownText.Escape(remark) + "\n\n");
        }

        foreach (var table in report.Tables)
        {
            MarkdownText.WriteTable(writer, table);
        }
    }

    /// <summary>The report as a string.</summary>
    public static string ToText(RunResults results)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(results, writer);
        return writer.ToString();
    }
}
