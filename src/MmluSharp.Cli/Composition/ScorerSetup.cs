using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Cli.Composition;

/// <summary>A scorer ready to run, what results say about its model, and what it holds open.</summary>
/// <param name="Scorer">Scores the questions.</param>
/// <param name="Model">The model as results describe it.</param>
/// <param name="Settings">Settings that identify the run besides the data (a resumed run must match them).</param>
/// <param name="Summary">One line for the console, e.g. the parameter count.</param>
/// <param name="Usage">API counters after the run, for served models.</param>
/// <param name="Resource">Disposed when the run ends.</param>
internal sealed record ScorerSetup(
    IQuestionScorer Scorer,
    ModelDescription Model,
    IReadOnlyDictionary<string, string> Settings,
    string Summary,
    Func<ApiUsage?> Usage,
    IDisposable Resource) : IDisposable
{
    public void Dispose() => Resource.Dispose();
}
