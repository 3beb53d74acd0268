using MmluSharp.Results;

namespace MmluSharp.Scoring;

/// <summary>A sample and the tokens the engine decoded for it (timing only, never part of the result).</summary>
public sealed record ScoredSample(Sample Sample, long TokensDecoded);
