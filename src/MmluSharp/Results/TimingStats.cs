namespace MmluSharp.Results;

/// <summary>Wall time spent scoring (summed over resumed sessions) and the work done.</summary>
public sealed record TimingStats(double Seconds, double QuestionsPerSecond, long TokensDecoded)
{
    /// <summary><paramref name="questions"/> scored in <paramref name="seconds"/>, decoding <paramref name="tokens"/>.</summary>
    public static TimingStats Of(double seconds, int questions, long tokens) =>
        new(seconds, seconds > 0 ? questions / seconds : 0, tokens);
}
