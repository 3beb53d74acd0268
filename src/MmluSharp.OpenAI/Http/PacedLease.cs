using System.Threading.RateLimiting;

namespace MmluSharp.OpenAI.Http;

/// <summary>A lease of the <see cref="PacedRateLimiter"/>: granted or refused, nothing to release, no metadata.</summary>
internal sealed class PacedLease : RateLimitLease
{
    public static readonly PacedLease Granted = new(true);

    public static readonly PacedLease Refused = new(false);

    private PacedLease(bool acquired) => IsAcquired = acquired;

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
