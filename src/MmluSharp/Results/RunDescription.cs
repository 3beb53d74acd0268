namespace MmluSharp.Results;

/// <summary>Everything about a run that is not computed from its samples.</summary>
public sealed record RunDescription(
    string Benchmark,
    string Split,
    int Shots,
    string Style,
    string Scoring,
    ModelDescription Model,
    RunProvenance Run,
    Datasets.Catalogue? Catalogue = null);
