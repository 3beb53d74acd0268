namespace MmluSharp.Results;

/// <summary>
/// The immutable result of a run: the single source of truth behind <c>results.json</c> that every report reads.
/// </summary>
public sealed record RunResults(
    string Schema,
    string Benchmark,
    string Split,
    int Shots,
    string Style,
    string Scoring,
    ModelDescription Model,
    OverallStats Overall,
    IReadOnlyDictionary<string, AccuracyStats> Categories,
    IReadOnlyDictionary<string, AccuracyStats> Subcategories,
    IReadOnlyDictionary<string, SubjectStats> Subjects,
    CalibrationStats Calibration,
    TimingStats Timing,
    RunProvenance Run,
    ApiUsage? Api = null,
    BenchmarkAnalysis? Analysis = null)
{
    /// <summary>The schema id written in every <c>results.json</c>.</summary>
    public const string CurrentSchema = "mmlusharp.results/1";
}
