using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Http.Resilience;
using MmluSharp.IO;
using Polly;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// The HttpClient every adapter uses. Handlers, outermost first: one-line errors → response cache → Polly pipeline
/// (concurrency limit → retry with exponential backoff, jitter and <c>Retry-After</c> → requests-per-minute limit →
/// per-attempt timeout) → balancer across endpoints → credentials → body read, capped, redacted and checked → sockets.
/// </summary>
internal sealed class HttpPipeline : IDisposable
{
    private readonly ResponseCache? cache;
    private readonly RateLimiter? perMinute;

    public HttpPipeline(EndpointOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Concurrency, 1, nameof(options.Concurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries, nameof(options.MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TopLogprobs, 1, nameof(options.TopLogprobs));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxResponseBytes, 1, nameof(options.MaxResponseBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxResponseBytes, Array.MaxLength, nameof(options.MaxResponseBytes));
        Options = options;
        Endpoints = new EndpointSet(options.Endpoints);
        var apiKey = options.ResolveApiKey();
        Redactor = new Redactor([apiKey, .. Endpoints.Secrets], options.Log);

        HttpMessageHandler handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(options.Concurrency, 2),
            ConnectTimeout = options.Timeout,
        };
        handler = new CompletingHandler(Counters, Redactor, options.MaxResponseBytes) { InnerHandler = handler };
        handler = new AuthorizationHandler(Endpoints, apiKey) { InnerHandler = handler };
        handler = new BalancingHandler(Endpoints) { InnerHandler = handler };
        if (options.RequestsPerMinute is int rpm)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rpm, 1, nameof(options.RequestsPerMinute));
            perMinute = new PacedRateLimiter(TimeSpan.FromTicks(TimeSpan.TicksPerMinute / rpm), options.TimeProvider);
        }

        handler = new ResilienceHandler(BuildResilience()) { InnerHandler = handler };
        if (options.CachePath is { } path)
        {
            try
            {
                cache = new ResponseCache(path);
            }
            catch
            {
                handler.Dispose();
                perMinute?.Dispose();
                throw;
            }

            handler = new CachingHandler(cache, Endpoints, Counters) { InnerHandler = handler };
        }

        handler = new ErrorHandler(options, Endpoints, Redactor) { InnerHandler = handler };
        Client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = Endpoints.Primary,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    public EndpointOptions Options { get; }

    public EndpointSet Endpoints { get; }

    public EndpointCounters Counters { get; } = new();

    public Redactor Redactor { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// POSTs <paramref name="body"/> as JSON to <paramref name="path"/> and reads the OpenAI-shaped answer; the answer is
    /// cached only once the caller commits it (after using it). <paramref name="check"/> is the request's own
    /// <see cref="AnswerCheck"/>, if any.
    /// </summary>
    /// <exception cref="EndpointException">The server failed, or answered JSON that is not an OpenAI-compatible response.</exception>
    public async Task<(Uri Url, Wire.ApiResponse Answer, CacheCommit Commit)> PostAsync<T>(
        string path, T body, JsonTypeInfo<T> type, Func<byte[], string?>? check, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, type)),
        };
        message.Content.Headers.ContentType = new("application/json");
        var commit = new CacheCommit();
        message.Options.Set(CacheCommit.Key, commit);
        if (check is not null)
        {
            message.Options.Set(AnswerCheck.Key, check);
        }

        using var response = await Client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var url = response.RequestMessage?.RequestUri ?? message.RequestUri!;
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (url, JsonSerializer.Deserialize(bytes, Wire.WireJson.Default.ApiResponse) ?? throw new JsonException("null"), commit);
        }
        catch (JsonException e)
        {
            throw Redactor.Fail($"{url} answered with JSON that is not an OpenAI-compatible response ({e.Message})", e);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        perMinute?.Dispose();
        cache?.Dispose();
    }

    /// <summary>
    /// The delay a response's <c>Retry-After</c> header asks for, at most <paramref name="max"/>; null (the
    /// exponential backoff) without one.
    /// </summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max, TimeProvider clock)
    {
        var header = response?.Headers.RetryAfter;
        var wanted = header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
        if (wanted is not { } delay)
        {
            return null;
        }

        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > max ? max : delay;
    }

    private ResiliencePipeline<HttpResponseMessage> BuildResilience()
    {
        // Retry delays, the per-attempt timeout and the rate limit all run on the options' clock.
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = Options.TimeProvider }
            .AddConcurrencyLimiter(Options.Concurrency, int.MaxValue);
        if (Options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Options.RetryBaseDelay,
                MaxDelay = Options.MaxRetryDelay,

                // Polly's MaxDelay does not cap a generated delay: read Retry-After here and cap it ourselves.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, Options.MaxRetryDelay, Options.TimeProvider)),
                OnRetry = args =>
                {
                    Counters.Retry();
                    var url = args.Context.GetRequestMessage()?.RequestUri;
                    var reason = args.Outcome.Exception is { } e ? e.Message
                        : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
                    Redactor.Log(string.Create(
                        CultureInfo.InvariantCulture,
                        $"retry {args.AttemptNumber + 1}/{Options.MaxRetries} of {url} in {args.RetryDelay.TotalSeconds:0.###} s after {reason}"));
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (perMinute is not null)
        {
            builder.AddRateLimiter(perMinute);
        }

        return builder.AddTimeout(Options.Timeout).Build();
    }
}
