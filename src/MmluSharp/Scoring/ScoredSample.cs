using MmluSharp.Results;

namespace MmluSharp.Scoring;

/// <summary>A sample and the tokens the engine decoded for it (timing only, never part of the result).</summary>
internal sealed record ScoredSample(Sample Sample, long TokensDecoded);
