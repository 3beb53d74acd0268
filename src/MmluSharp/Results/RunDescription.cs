namespace MmluSharp.Results;

/// <summary>Everything about a run that is not computed from its samples.</summary>
/// <param name="Benchmark">The benchmark's name.</param>
/// <param name="Split">The split read.</param>
/// <param name="Shots">Few-shot examples in each prompt.</param>
/// <param name="Style">The prompt style's name.</param>
/// <param name="Scoring">The scoring method's name.</param>
/// <param name="Model">Which model ran.</param>
/// <param name="Run">What ran, and when.</param>
/// <param name="Catalogue">How the subjects group into categories (MMLU's when null).</param>
/// <param name="SubjectSizes">Each subject's questions in the split, before any limit; null when unknown.</param>
internal sealed record RunDescription(
    string Benchmark,
    string Split,
    int Shots,
    string Style,
    string Scoring,
    ModelDescription Model,
    RunProvenance Run,
    Datasets.Catalogue? Catalogue = null,
    IReadOnlyDictionary<string, int>? SubjectSizes = null);
