using MmluSharp.Scoring;

namespace MmluSharp.Running;

/// <summary>
/// What one session of a run (from a start or a resume to its end or interruption) spent; <see cref="RunManifest.Plus"/>
/// adds it to the totals in <c>run.json</c>. A new total is a field here, a line in <see cref="Add"/> and one in
/// <see cref="RunManifest.Plus"/>.
/// </summary>
internal sealed class RunSession
{
    /// <summary>Scoring time of the session.</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Tokens decoded in the session.</summary>
    public long TokensDecoded { get; private set; }

    /// <summary>Counts one scored sample.</summary>
    public void Add(ScoredSample scored) => TokensDecoded += scored.TokensDecoded;
}
