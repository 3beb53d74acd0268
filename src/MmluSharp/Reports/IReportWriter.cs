using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>
/// One report format of a run, rendered from <see cref="RunResults"/> (through the one report model,
/// <see cref="RunReport"/>, for the human-readable formats). Register your own with <see cref="ReportWriters.Register"/>.
/// </summary>
public interface IReportWriter
{
    /// <summary>The format's name, as <c>mmlu report --format</c> takes it, e.g. <c>markdown</c>.</summary>
    string Format { get; }

    /// <summary>The file name the report gets in a run folder, e.g. <c>report.md</c>.</summary>
    string FileName { get; }

    /// <summary>Writes the report of <paramref name="results"/> to <paramref name="output"/>, leaving it open.</summary>
    /// <param name="results">The run's results.</param>
    /// <param name="output">Where the report goes.</param>
    /// <exception cref="InvalidDataException">The format cannot show these results (e.g. lm-eval's needs an MMLU run).</exception>
    void Write(RunResults results, Stream output);
}
