using MmluSharp.Results;

namespace MmluSharp.OpenAI;

/// <summary>What a model's HTTP traffic amounted to so far.</summary>
/// <param name="Requests">HTTP requests sent to the servers, retries included (cache hits are not requests).</param>
/// <param name="CacheHits">Answers served from the response cache.</param>
/// <param name="Retries">Attempts repeated after a transient failure.</param>
/// <param name="FloorLetters">Answer letters missing from the top log-probabilities, scored with the floor value.</param>
public sealed record EndpointStatistics(long Requests, long CacheHits, long Retries, long FloorLetters)
{
    /// <summary>The counters results record (<c>api</c> in <c>results.json</c>).</summary>
    public ApiUsage ToUsage() => new(Requests, CacheHits, Retries);
}
