namespace MmluSharp.OpenAI.Http;

/// <summary>Thread-safe counters behind <see cref="EndpointStatistics"/>.</summary>
internal sealed class EndpointCounters
{
    private long requests;
    private long cacheHits;
    private long retries;
    private long floorLetters;

    public void Request() => Interlocked.Increment(ref requests);

    public void CacheHit() => Interlocked.Increment(ref cacheHits);

    public void Retry() => Interlocked.Increment(ref retries);

    public void FloorLetter() => Interlocked.Increment(ref floorLetters);

    public EndpointStatistics Snapshot() => new(
        Interlocked.Read(ref requests), Interlocked.Read(ref cacheHits), Interlocked.Read(ref retries), Interlocked.Read(ref floorLetters));
}
