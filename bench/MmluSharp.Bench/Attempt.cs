namespace MmluSharp.Bench;

/// <summary>
/// One <c>mmlu run</c> of a measurement: the child process, this engine's pp512 rate around it (the mean of the
/// measurements just before and just after) and the machine's load averages then.
/// </summary>
internal sealed record Attempt(int Number, ChildRun Run, double Pp512, string Load)
{
    /// <summary>Seconds the unique tokens take at the pp512 rate.</summary>
    public double Limit(TokenCounts counts) => counts.Unique / Pp512;

    /// <summary>The limit over the whole process's wall time.</summary>
    public double Share(TokenCounts counts) => Limit(counts) / Run.Wall.TotalSeconds;
}
