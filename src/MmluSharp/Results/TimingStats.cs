namespace MmluSharp.Results;

/// <summary>Wall time spent scoring (summed over resumed sessions) and the work done.</summary>
public sealed record TimingStats(double Seconds, double QuestionsPerSecond, long TokensDecoded);
