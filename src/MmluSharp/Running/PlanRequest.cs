using MmluSharp.Datasets;

namespace MmluSharp.Running;

/// <summary>What to evaluate: which benchmark and data, split, shots, style, subjects and how many questions.</summary>
/// <param name="Data">The benchmark's data: for MMLU a folder in the original layout or a QLoRA JSON-lines file.</param>
/// <param name="Split"><c>test</c>, <c>val</c> or <c>dev</c> (each benchmark says which it has).</param>
/// <param name="Shots">Few-shot examples from the benchmark's few-shot split.</param>
/// <param name="Style">The prompt style's name (null: the benchmark's default).</param>
/// <param name="Subjects">Only these subjects (null: all).</param>
/// <param name="Limit">Only the first N questions of each subject (null: all).</param>
/// <param name="MaxSamples">Only the first N questions overall, after the other filters (QLoRA's <c>max_mmlu_samples</c>).</param>
/// <param name="Benchmark">The benchmark's name, e.g. <c>mmlu</c>.</param>
/// <param name="Grouping">For MMLU: the category mapping.</param>
/// <param name="Permute"><c>cyclic</c>: also ask every question with its options rotated (answer-order robustness).</param>
public sealed record PlanRequest(
    string Data,
    string Split,
    int Shots,
    string? Style = null,
    IReadOnlyCollection<string>? Subjects = null,
    int? Limit = null,
    int? MaxSamples = null,
    string Benchmark = "mmlu",
    Grouping Grouping = Grouping.Original,
    string? Permute = null);
