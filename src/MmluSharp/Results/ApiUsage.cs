namespace MmluSharp.Results;

/// <summary>What talking to a served model took in the last session of a run.</summary>
/// <param name="Requests">HTTP requests sent, retries included.</param>
/// <param name="CacheHits">Answers served from the response cache instead of the server.</param>
/// <param name="Retries">Requests repeated after a 429, 5xx, timeout or broken answer.</param>
public sealed record ApiUsage(long Requests, long CacheHits, long Retries);
