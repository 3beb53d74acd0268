using MmluSharp.Datasets;
using MmluSharp.Prompting;

namespace MmluSharp.Benchmarks;

/// <summary>The questions a benchmark rendered for a request, and what they are.</summary>
/// <param name="Items">Subjects in order, rows in file order.</param>
/// <param name="Split">The split actually read.</param>
/// <param name="Shots">Few-shot examples in each prompt.</param>
/// <param name="Style">The prompt style's name.</param>
/// <param name="StyleVersion">The prompt style's version.</param>
/// <param name="Catalogue">How the subjects group into categories.</param>
/// <param name="Analyze">What the benchmark adds to the results from all samples of the run, if anything.</param>
public sealed record BenchmarkPlan(
    IReadOnlyList<PromptedQuestion> Items,
    string Split,
    int Shots,
    string Style,
    int StyleVersion,
    Catalogue Catalogue,
    Func<IReadOnlyList<Results.Sample>, Results.BenchmarkAnalysis>? Analyze = null)
{
    /// <summary>Where the style's reference stops a generated answer (e.g. <c>Question:</c>); empty for none.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>The style's reference limit on generated tokens (e.g. 2048), or null for the tool's default.</summary>
    public int? MaxNewTokens { get; init; }

    /// <summary>How letters are read from generated answers unless the options say otherwise (<c>last</c> or <c>tiger</c>).</summary>
    public string DefaultExtraction { get; init; } = "last";

    /// <summary>Each chosen subject's questions in the split before <c>--limit</c>; null when unknown.</summary>
    public IReadOnlyDictionary<string, int>? SubjectSizes { get; init; }
}
