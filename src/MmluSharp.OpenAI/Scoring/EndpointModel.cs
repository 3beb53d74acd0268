using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using MmluSharp.IO;
using MmluSharp.Models;
using MmluSharp.OpenAI.Http;
using MmluSharp.OpenAI.Wire;
using Polly.Timeout;

namespace MmluSharp.OpenAI.Scoring;

/// <summary>
/// What both letter adapters share: requests fanned out <see cref="EndpointOptions.Concurrency"/> at a time,
/// answers yielded as they come, HTTP failures turned into one-line <see cref="EndpointException"/>s.
/// </summary>
internal abstract class EndpointModel : IEndpointModel
{
    private readonly HttpPipeline pipeline;

    protected EndpointModel(EndpointOptions options)
    {
        pipeline = new HttpPipeline(options);
        Info = new ModelInfo(options.Model, null, 0);
    }

    public ModelInfo Info { get; }

    public EndpointStatistics Statistics => pipeline.Counters.Snapshot();

    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    protected EndpointOptions Options => pipeline.Options;

    protected EndpointCounters Counters => pipeline.Counters;

    /// <summary>The endpoints as results record them.</summary>
    protected string EndpointList => string.Join(",", pipeline.Endpoints.Bases.Select(b => b.AbsoluteUri));

    public async IAsyncEnumerable<ScoredRequest> ScoreAsync(
        IReadOnlyList<ScoreRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<ScoredRequest>(Options.Concurrency * 4);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = stop.Token };
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await Parallel.ForEachAsync(requests, parallel, async (request, ct) =>
                        await channel.Writer.WriteAsync(await ScoreOneAsync(request, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
                        .ConfigureAwait(false);
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var scored in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return scored;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && producer.IsCanceled)
            {
                // The consumer stopped early: nothing to report.
            }
        }
    }

    public void Dispose()
    {
        pipeline.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sends one request and reads its answer.</summary>
    protected abstract Task<ScoredRequest> ScoreOneAsync(ScoreRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// POSTs <paramref name="body"/> to <paramref name="path"/>, parses the answer and hands it to
    /// <paramref name="accept"/>, or throws <see cref="EndpointException"/>. The answer is cached only when
    /// <paramref name="accept"/> returns.
    /// </summary>
    protected async Task<TResult> PostAsync<T, TResult>(
        string path, T body, JsonTypeInfo<T> type, Func<ApiResponse, Uri, TResult> accept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accept);
        var commit = new CacheCommit();
        var (response, url) = await PostAsync(path, body, type, commit, cancellationToken).ConfigureAwait(false);
        var result = accept(response, url);
        commit.Commit();
        return result;
    }

    private async Task<(ApiResponse Response, Uri Url)> PostAsync<T>(
        string path, T body, JsonTypeInfo<T> type, CacheCommit commit, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, type)),
        };
        message.Content.Headers.ContentType = new("application/json");
        message.Options.Set(CacheCommit.Key, commit);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.Client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw Fail(Describe(message.RequestUri, e), e);
        }

        using (response)
        {
            var url = response.RequestMessage?.RequestUri ?? message.RequestUri!;
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Fail(DescribeStatus(url, response.StatusCode, bytes));
            }

            try
            {
                return (JsonSerializer.Deserialize(bytes, WireJson.Default.ApiResponse) ?? throw new JsonException("null"), url);
            }
            catch (JsonException e)
            {
                throw Fail($"{url} answered with JSON that is not an OpenAI-compatible response ({e.Message})", e);
            }
        }
    }

    /// <summary>The exception for a server whose answer has no log-probabilities.</summary>
    protected EndpointException NoLogprobs(Uri url) => Fail(
        $"{url} returned no log-probabilities; this server cannot be used with --scoring letter; use --scoring generate");

    /// <summary>A one-line, key-free <see cref="EndpointException"/>, also logged.</summary>
    protected EndpointException Fail(string message, Exception? inner = null)
    {
        var line = pipeline.Redactor.Redact(message.ReplaceLineEndings(" "));
        pipeline.Redactor.Log(line);
        return inner is null ? new EndpointException(line) : new EndpointException(line, inner);
    }

    private string Describe(Uri? url, Exception e)
    {
        var after = Options.MaxRetries > 0 ? $" (after {Options.MaxRetries} retries)" : string.Empty;
        return e switch
        {
            TimeoutRejectedException => $"{url} did not answer within {Options.Timeout.TotalSeconds} s{after}",
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } =>
                $"cannot connect to {url}: connection refused{after}",
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => $"cannot resolve the host of {url}{after}",
            _ => $"request to {url} failed: {e.Message}{after}",
        };
    }

    private string DescribeStatus(Uri url, HttpStatusCode status, byte[] body)
    {
        var code = (int)status;
        var detail = ServerMessage(body);
        return status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"{url} rejected the API key (HTTP {code}; key from {(Options.ApiKey is null ? "$" + Options.ApiKeyVariable : "the options")}){detail}",
            HttpStatusCode.NotFound => $"{url} answered HTTP 404: no model '{Options.Model}' or no such endpoint{detail}",
            HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or >= HttpStatusCode.InternalServerError =>
                $"{url} still answered HTTP {code} after {Options.MaxRetries} retries{detail}",
            _ => $"{url} rejected the request with HTTP {code}{detail}",
        };
    }

    private static string ServerMessage(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300)).Trim();
        return text.Length == 0 ? string.Empty : $": {text}";
    }
}
