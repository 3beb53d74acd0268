using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using MmluSharp.IO;

namespace MmluSharp.OpenAI;

/// <summary>
/// Where and how to reach an OpenAI-compatible server. <see cref="ApiKey"/> is never printed by
/// <see cref="ToString"/>, never serialized and never written to results or logs.
/// </summary>
/// <param name="Endpoints">
/// One or more base URLs of replicas serving the same model, e.g. <c>http://127.0.0.1:8080/v1</c>. A URL with an
/// empty path gets <c>/v1</c>; requests go to <c>BASE/completions</c> and <c>BASE/chat/completions</c>. User-info
/// (<c>http://user:password@host/v1</c>) is sent to that endpoint as HTTP Basic authentication instead of the API key,
/// and is left out of every URL written anywhere; the password is redacted like the key.
/// </param>
/// <param name="Model">The <c>model</c> sent with every request (llama-server ignores it).</param>
public sealed record EndpointOptions(IReadOnlyList<Uri> Endpoints, string Model)
{
    /// <summary>The API key itself; when null it is read from <see cref="ApiKeyVariable"/> (none: no key is sent).</summary>
    [JsonIgnore]
    public string? ApiKey { get; init; }

    /// <summary>The environment variable holding the API key when <see cref="ApiKey"/> is null.</summary>
    public string ApiKeyVariable { get; init; } = "OPENAI_API_KEY";

    /// <summary>Requests in flight at once, over all endpoints together.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Time allowed for one attempt, response body included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 408, 429, 5xx, a timeout, a dropped connection or a truncated body.</summary>
    public int MaxRetries { get; init; } = 6;

    /// <summary>The first retry's median delay; it doubles with each retry, with jitter (a <c>Retry-After</c> header wins).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>No retry waits longer than this.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many requests (attempts) start per minute; null: no limit.</summary>
    public int? RequestsPerMinute { get; init; }

    /// <summary>
    /// The clock that retry delays, <c>Retry-After</c> dates, per-attempt timeouts and <see cref="RequestsPerMinute"/>
    /// run on (tests pass a fake one).
    /// </summary>
    [JsonIgnore]
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The largest answer accepted; a larger one is a broken answer (retried, then an error).</summary>
    public long MaxResponseBytes { get; init; } = 16L << 20;

    /// <summary>The SQLite response cache; null: no cache.</summary>
    public string? CachePath { get; init; }

    /// <summary>Top log-probabilities asked for at the answer position.</summary>
    public int TopLogprobs { get; init; } = 20;

    /// <summary>The log-probability of a letter missing from the top list (evaluate.py used -100).</summary>
    public double FloorLogprob { get; init; } = -100;

    /// <summary>The line appended (after a blank line) to the prompt in the chat-letter user message.</summary>
    public string ChatInstruction { get; init; } = "Answer with the letter of the correct option only.";

    /// <summary>Receives one line per retry and failure; the API key is redacted from every line.</summary>
    [JsonIgnore]
    public Action<string>? Log { get; init; }

    /// <summary>The key to send: <see cref="ApiKey"/>, else the variable's value, else null.</summary>
    internal string? ResolveApiKey()
    {
        if (!string.IsNullOrEmpty(ApiKey))
        {
            return ApiKey;
        }

        var fromEnv = Environment.GetEnvironmentVariable(ApiKeyVariable);
        return string.IsNullOrEmpty(fromEnv) ? null : fromEnv;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Endpoints = [{string.Join(", ", Endpoints.Select(Urls.WithoutUserInfo))}], Model = {Model}, ");
        builder.Append(CultureInfo.InvariantCulture, $"ApiKeyVariable = {ApiKeyVariable}, Concurrency = {Concurrency}, Timeout = {Timeout}, ");
        builder.Append(CultureInfo.InvariantCulture, $"MaxRetries = {MaxRetries}, RequestsPerMinute = {RequestsPerMinute}, CachePath = {CachePath}, ");
        builder.Append(CultureInfo.InvariantCulture, $"TopLogprobs = {TopLogprobs}, FloorLogprob = {FloorLogprob}");
        return true;
    }
}
