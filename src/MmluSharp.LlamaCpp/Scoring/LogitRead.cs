namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>After a decode: add <c>log softmax(logits)[Target]</c> to <c>Sums[Index]</c>.</summary>
internal readonly record struct LogitRead(double[] Sums, int Index, int Target);
