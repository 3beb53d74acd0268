using MmluSharp.Prompting;

namespace MmluSharp.Running;

/// <summary>What to evaluate: data, split, shots, style, which subjects and how many questions of each.</summary>
/// <param name="Data">An MMLU folder (original layout) or a QLoRA JSON-lines file of pre-rendered prompts.</param>
/// <param name="Split"><c>test</c>, <c>val</c> or <c>dev</c>.</param>
/// <param name="Shots">Few-shot examples from the start of each subject's dev file.</param>
/// <param name="Style">The prompt style.</param>
/// <param name="Subjects">Only these subjects (null: all).</param>
/// <param name="Limit">Only the first N questions of each subject (null: all).</param>
/// <param name="MaxSamples">Only the first N questions overall, after the other filters (QLoRA's <c>max_mmlu_samples</c>).</param>
public sealed record PlanRequest(
    string Data,
    string Split,
    int Shots,
    PromptStyle Style,
    IReadOnlyCollection<string>? Subjects = null,
    int? Limit = null,
    int? MaxSamples = null);
