namespace MmluSharp.Reports.Comparison;

/// <summary>
/// Reference numbers shipped with the tool for the optional reference rows of <c>mmlu compare</c>. Each row names its
/// source; only numbers stated there are filled in.
/// </summary>
internal static class PublishedResults
{
    private const string HendrycksReadme = "hendrycks/test README.md, \"Test Leaderboard\" table (commit 055448f)";

    public static IReadOnlyList<PublishedResult> All { get; } =
    [
        new("Chinchilla 70B (5-shot)", null, null, null, null, 67.5, "Hoffmann et al. 2022, arXiv:2203.15556, abstract (average only)"),
        new("UnifiedQA", 45.6, 56.6, 40.2, 54.6, 48.9, HendrycksReadme),
        new("GPT-3 175B (few-shot)", 40.8, 50.4, 36.7, 48.8, 43.9, HendrycksReadme),
        new("GPT-2", 32.8, 33.3, 30.2, 33.1, 32.4, HendrycksReadme),
        new("Random baseline", 25.0, 25.0, 25.0, 25.0, 25.0, HendrycksReadme),
    ];
}
