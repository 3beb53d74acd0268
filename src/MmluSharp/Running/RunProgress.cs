namespace MmluSharp.Running;

/// <summary>How far a run has come. <paramref name="Completed"/> includes questions resumed from disk.</summary>
public sealed record RunProgress(int Completed, int Total, int Resumed, string? Subject, TimeSpan Elapsed)
{
    /// <summary>Questions scored per second in this session.</summary>
    public double QuestionsPerSecond => Elapsed.TotalSeconds > 0 ? (Completed - Resumed) / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time to finish, if a rate is known.</summary>
    public TimeSpan? Remaining => QuestionsPerSecond > 0 ? TimeSpan.FromSeconds((Total - Completed) / QuestionsPerSecond) : null;
}
