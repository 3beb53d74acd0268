namespace MmluSharp.Bench;

/// <summary>Tokens of a workload: of its full prompts, and the unique ones (shared prefixes once, plus each question's own).</summary>
internal sealed record TokenCounts(long Full, long Prefixes, long Questions)
{
    public long Unique => Prefixes + Questions;
}
