using System.Text;
using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>
/// Writes the reports of a run to files, each atomically (a temporary file renamed into place), UTF-8 without BOM.
/// </summary>
public static class ReportFiles
{
    /// <summary>The Markdown report's name in a run folder.</summary>
    public const string MarkdownName = "report.md";

    /// <summary>The HTML report's name in a run folder.</summary>
    public const string HtmlName = "report.html";

    /// <summary>Writes <c>report.md</c> and <c>report.html</c> into <paramref name="folder"/> (what <c>mmlu run</c> calls at the end).</summary>
    public static void WriteRunFolder(RunResults results, string folder)
    {
        WriteMarkdown(results, Path.Combine(folder, MarkdownName));
        WriteHtml(results, Path.Combine(folder, HtmlName));
    }

    /// <summary>Writes the Markdown report to <paramref name="path"/>.</summary>
    public static void WriteMarkdown(RunResults results, string path) => WriteText(path, w => MarkdownReport.Write(results, w));

    /// <summary>Writes the HTML report to <paramref name="path"/>.</summary>
    public static void WriteHtml(RunResults results, string path, IReadOnlyList<ReportExample>? examples = null) =>
        WriteText(path, w => HtmlReport.Write(results, w, examples));

    /// <summary>Writes the lm-evaluation-harness results file to <paramref name="path"/>.</summary>
    public static void WriteLmEval(RunResults results, string path) => IO.AtomicFile.Write(path, s => LmEvalExport.Write(results, s));

    internal static void WriteText(string path, Action<TextWriter> write) => IO.AtomicFile.WriteText(path, write);
}
