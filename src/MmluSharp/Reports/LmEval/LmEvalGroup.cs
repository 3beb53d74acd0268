namespace MmluSharp.Reports.LmEval;

/// <summary>An lm-evaluation-harness task (a subject) or group row.</summary>
/// <param name="Task">The task or group name, e.g. <c>mmlu_anatomy</c>.</param>
/// <param name="Alias">How lm-eval's tables indent it, e.g. <c>"  - anatomy"</c>.</param>
/// <param name="Accuracy"><c>acc,none</c>.</param>
/// <param name="Stderr"><c>acc_stderr,none</c>, or null where lm-eval writes <c>"N/A"</c>.</param>
/// <param name="N">Questions scored (<c>n-samples.effective</c>).</param>
/// <param name="Original">Questions the subject has in the split (<c>n-samples.original</c>).</param>
internal sealed record LmEvalGroup(string Task, string Alias, double Accuracy, double? Stderr, int N, int Original);
