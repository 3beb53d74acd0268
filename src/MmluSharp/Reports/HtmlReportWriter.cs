using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>The HTML report (<see cref="HtmlReport"/>) as a report format: UTF-8 without BOM, <c>\n</c> line ends.</summary>
internal sealed class HtmlReportWriter : IReportWriter
{
    public string Format => "html";

    public string FileName => "report.html";

    public void Write(RunResults results, Stream output) => TextOutput.Write(output, w => HtmlReport.Write(results, w));
}
