using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>The Markdown report (<see cref="MarkdownReport"/>) as a report format: UTF-8 without BOM, <c>\n</c> line ends.</summary>
internal sealed class MarkdownReportWriter : IReportWriter
{
    public string Format => "markdown";

    public string FileName => "report.md";

    public void Write(RunResults results, Stream output) => TextOutput.Write(output, w => MarkdownReport.Write(results, w));
}
