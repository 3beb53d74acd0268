using MmluSharp.Models;

namespace MmluSharp.Bench;

/// <summary>One timed pass over all requests.</summary>
internal sealed record RunTiming(string Name, TimeSpan Wall, IReadOnlyDictionary<string, ScoreResponse> Results)
{
    public long TokensDecoded => Results.Values.Sum(r => r.TokensDecoded);

    public double QuestionsPerSecond => Results.Count / Wall.TotalSeconds;

    public double TokensPerSecond => TokensDecoded / Wall.TotalSeconds;
}
