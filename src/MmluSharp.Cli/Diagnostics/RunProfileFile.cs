using MmluSharp.LlamaCpp;

namespace MmluSharp.Cli.Diagnostics;

/// <summary>The <c>MMLU_PROFILE</c> file of one <c>mmlu run</c>: seconds per phase, measured inside the process.</summary>
/// <param name="Schema"><c>mmlusharp.profile/1</c>.</param>
/// <param name="Questions">Questions the run holds.</param>
/// <param name="CommandStart">Seconds from the process start (runtime start-up, argument parsing) to the command's start.</param>
/// <param name="Reading">Reading the data and rendering the prompts.</param>
/// <param name="Model">Checking the GGUF header, hashing the file and loading it.</param>
/// <param name="Scoring">Scoring, with every sample, the progress and <c>results.json</c> written as they come.</param>
/// <param name="Reports">Writing <c>report.md</c> and <c>report.html</c>.</param>
/// <param name="CommandEnd">Seconds from the process start to the end of the command.</param>
/// <param name="PeakRssBytes">The process's peak resident memory (VmHWM) at the end of the command.</param>
/// <param name="Engine">A local model's own times; null for a served model.</param>
internal sealed record RunProfileFile(
    string Schema,
    int Questions,
    double CommandStart,
    double Reading,
    double Model,
    double Scoring,
    double Reports,
    double CommandEnd,
    long? PeakRssBytes,
    LlamaCppProfile? Engine);
