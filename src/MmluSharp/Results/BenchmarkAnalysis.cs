namespace MmluSharp.Results;

/// <summary>
/// What a benchmark adds to its results beyond accuracy by subject: accuracy under other views of the same
/// samples (e.g. MMLU-Redux: only questions annotated <c>ok</c>, or against corrected answers; answer-order
/// robustness: each rotation of the options), counts (e.g. per error type, consistent answers), and notes
/// (e.g. a known bad row). Written into <c>results.json</c> as <c>analysis</c> and shown by the reports.
/// </summary>
/// <param name="Title">A heading, e.g. <c>MMLU-Redux annotations</c>.</param>
/// <param name="Accuracy">View name → accuracy of the samples under that view.</param>
/// <param name="Counts">Name → count.</param>
/// <param name="Notes">Free-text lines worth a reader's attention.</param>
public sealed record BenchmarkAnalysis(
    string Title,
    IReadOnlyDictionary<string, AccuracyStats> Accuracy,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyList<string> Notes);
