using MmluSharp.Prompting;

namespace MmluSharp.Running;

/// <summary>
/// The questions of a run in their canonical order, and the settings that identify it: a run folder holding
/// samples of other settings is never resumed with these.
/// </summary>
public sealed record RunPlan(IReadOnlyList<PromptedQuestion> Items, IReadOnlyDictionary<string, string> Settings);
