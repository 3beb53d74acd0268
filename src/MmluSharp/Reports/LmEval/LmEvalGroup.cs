namespace MmluSharp.Reports.LmEval;

/// <summary>An lm-evaluation-harness task or group row: name, alias, accuracy, stderr and size.</summary>
internal sealed record LmEvalGroup(string Task, string Alias, double Accuracy, double Stderr, int N);
