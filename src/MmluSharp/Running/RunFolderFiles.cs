namespace MmluSharp.Running;

/// <summary>The files of a run folder (<see cref="EvaluationOptions.OutputFolder"/>) besides the reports.</summary>
public static class RunFolderFiles
{
    /// <summary>The results of the run: <c>results.json</c>, written once every question is scored.</summary>
    public const string Results = "results.json";

    /// <summary>One JSON line per scored question: <c>samples.jsonl</c>, appended to as questions are scored.</summary>
    public const string Samples = "samples.jsonl";

    /// <summary>The settings and totals of the run: <c>run.json</c>, which a resumed run must match.</summary>
    public const string Manifest = "run.json";
}
