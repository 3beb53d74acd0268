using MmluSharp.Datasets;
using MmluSharp.Prompting;

namespace MmluSharp.Running;

/// <summary>
/// The questions of a run in their canonical order, the settings that identify it (a run folder holding samples
/// of other settings is never resumed with these), and what the questions are.
/// </summary>
public sealed record RunPlan(IReadOnlyList<PromptedQuestion> Items, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The benchmark's name.</summary>
    public string Benchmark { get; init; } = "mmlu";

    /// <summary>The split actually read.</summary>
    public string Split { get; init; } = "test";

    /// <summary>Few-shot examples in each prompt.</summary>
    public int Shots { get; init; }

    /// <summary>The prompt style's name.</summary>
    public string Style { get; init; } = "original";

    /// <summary>The prompt style's version.</summary>
    public int StyleVersion { get; init; } = 1;

    /// <summary>How the subjects group into categories.</summary>
    public Catalogue Catalogue { get; init; } = MmluCatalogue.For();

    /// <summary>Each chosen subject's questions in the split before <c>--limit</c>; null when the benchmark does not say.</summary>
    public IReadOnlyDictionary<string, int>? SubjectSizes { get; init; }

    /// <summary>What the benchmark adds to the results from all samples of the run, if anything.</summary>
    public Func<IReadOnlyList<Results.Sample>, Results.BenchmarkAnalysis>? Analyze { get; init; }

    /// <summary>Where the prompt style's reference stops a generated answer; empty for none.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>The prompt style's reference limit on generated tokens, or null for the tool's default.</summary>
    public int? MaxNewTokens { get; init; }
}
