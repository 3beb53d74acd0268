using MmluSharp.Results;

namespace MmluSharp.Reports;

/// <summary>lm-evaluation-harness' results file of its <c>mmlu</c> task (<see cref="LmEvalExport"/>) as a report format.</summary>
internal sealed class LmEvalReportWriter : IReportWriter
{
    public string Format => "lm-eval";

    public string FileName => "lm-eval-results.json";

    /// <exception cref="InvalidDataException">The run is not of MMLU.</exception>
    public void Write(RunResults results, Stream output)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Benchmark != "mmlu")
        {
            throw new InvalidDataException($"the lm-eval format is lm-evaluation-harness' mmlu task, and this run is {results.Benchmark}.");
        }

        LmEvalExport.Write(results, output);
    }
}
