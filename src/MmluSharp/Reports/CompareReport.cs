using MmluSharp.Reports.Comparison;

namespace MmluSharp.Reports;

/// <summary>Writes a comparison of runs (<c>mmlu compare</c>) as Markdown or as a self-contained HTML page.</summary>
internal static class CompareReport
{
    /// <summary>The benchmark's title and "comparison" when every run is of one benchmark, else "Comparison".</summary>
    public static string Title(RunComparison comparison)
    {
        var benchmarks = comparison.Runs.Select(r => r.Results.Benchmark).Distinct(StringComparer.Ordinal).ToList();
        return benchmarks.Count == 1 ? $"{RunReport.TitleOf(benchmarks[0])} comparison" : "Comparison";
    }

    public static void WriteMarkdown(RunComparison comparison, TextWriter writer)
    {
        writer.Write("# " + MarkdownText.Escape(Title(comparison)) + "\n\n");
        WriteRuns(comparison, writer, MarkdownText.Escape);
        writer.Write('\n');
        foreach (var table in comparison.Tables)
        {
            MarkdownText.WriteTable(writer, table);
        }
    }

    public static void WriteHtml(RunComparison comparison, TextWriter writer)
    {
        HtmlText.WriteStart(writer, Title(comparison));
        writer.Write("<ul class=\"runs\">\n");
        foreach (var run in comparison.Runs)
        {
            writer.Write("<li>" + HtmlText.Escape(Describe(run)) + "</li>\n");
        }

        writer.Write("</ul>\n");
        foreach (var table in comparison.Tables)
        {
            HtmlText.WriteTable(writer, table);
        }

        HtmlText.WriteEnd(writer);
    }

    private static void WriteRuns(RunComparison comparison, TextWriter writer, Func<string, string> escape)
    {
        foreach (var run in comparison.Runs)
        {
            writer.Write("- " + escape(Describe(run)) + "\n");
        }
    }

    private static string Describe(ComparedRun run) =>
        $"{run.Label}: {run.Path} ({run.Results.Split} split, {InvariantNumbers.Int(run.Results.Shots)}-shot, {run.Results.Style} prompts v{InvariantNumbers.Int(run.Results.Run.PromptVersion)}, " +
        (run.Samples is null ? "no samples)" : $"{InvariantNumbers.Int(run.Samples.Count)} samples)");
}
