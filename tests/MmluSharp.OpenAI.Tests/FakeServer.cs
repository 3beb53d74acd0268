using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using MmluSharp.Testing;

namespace MmluSharp.OpenAI.Tests;

/// <summary>
/// A Kestrel server on 127.0.0.1 that speaks <c>/v1/completions</c> and <c>/v1/chat/completions</c> with
/// log-probabilities derived from a hash of the prompt, and injects faults on a body's first attempt.
/// </summary>
internal sealed class FakeServer : IAsyncDisposable
{
    private static readonly string[] Letters = ["A", "B", "C", "D"];
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> hitsByBody = new(StringComparer.Ordinal);
    private int hits;
    private int inFlight;
    private int maxInFlight;

    private FakeServer(WebApplication app, string address)
    {
        this.app = app;
        BaseUrl = new Uri(address + "/v1");
    }

    public Uri BaseUrl { get; }

    public LogprobShape Shape { get; set; } = LogprobShape.Legacy;

    /// <summary>Percent of bodies whose first attempt gets a fault.</summary>
    public int FaultPercent { get; set; }

    /// <summary>The fault to inject (None: cycle through all by body hash).</summary>
    public Fault OnlyFault { get; set; }

    /// <summary>Every attempt fails with this status (0: never).</summary>
    public int AlwaysStatus { get; set; }

    public string RetryAfter { get; set; } = "0";

    public TimeSpan Stall { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Delay { get; set; }

    public string? RequiredKey { get; set; }

    public string? KnownModel { get; set; }

    /// <summary>Rewrites each token of the top list (see <see cref="TokenRewrite"/>); null sends them as built.</summary>
    public TokenRewrite? Rewrite { get; set; }

    /// <summary>Replaces whole answers: gets the request body and its attempt number; null answers normally.</summary>
    public Func<string, int, FakeReply?>? Script { get; set; }

    public int Hits => Volatile.Read(ref hits);

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    public IReadOnlyDictionary<string, int> HitsByBody => hitsByBody;

    /// <summary>The clock <see cref="Starts"/> is read from (a test's fake clock, to see when attempts arrive on it).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>When each request arrived, on <see cref="Clock"/>.</summary>
    public ConcurrentQueue<DateTimeOffset> Starts { get; } = new();

    /// <summary>The <c>Authorization</c> header of every request ("" when none was sent).</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    public static async Task<FakeServer> StartAsync()
    {
        FakeServer? server = null;
        var (app, address) = await Loopback.StartAsync(app =>
        {
            app.MapPost("/v1/completions", (HttpContext c) => server!.HandleAsync(c, chat: false));
            app.MapPost("/v1/chat/completions", (HttpContext c) => server!.HandleAsync(c, chat: true));
        });
        server = new FakeServer(app, address);
        return server;
    }

    /// <summary>The log-probability the server gives each letter token for <paramref name="prompt"/>.</summary>
    public static double[] LetterLogprobs(string prompt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(prompt));
        return [.. hash.Take(4).Select(b => -0.25 - (b / 32.0))];
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task HandleAsync(HttpContext context, bool chat)
    {
        // Stamped before it is counted: a test that sees the count and then moves the clock cannot change the stamp.
        Starts.Enqueue(Clock.GetUtcNow());
        Interlocked.Increment(ref hits);
        Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        var now = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref maxInFlight, now);
        try
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var attempt = hitsByBody.AddOrUpdate(body, 1, (_, n) => n + 1);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            if (RequiredKey is not null && context.Request.Headers.Authorization.ToString() != "Bearer " + RequiredKey)
            {
                var given = context.Request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
                await WriteError(context, 401, $"Incorrect API key provided: {given}.");
                return;
            }

            using var json = JsonDocument.Parse(body);
            var model = json.RootElement.GetProperty("model").GetString();
            if (KnownModel is not null && model != KnownModel)
            {
                await WriteError(context, 404, $"The model `{model}` does not exist.");
                return;
            }

            if (AlwaysStatus != 0)
            {
                await WriteError(context, AlwaysStatus, "always failing");
                return;
            }

            if (Script?.Invoke(body, attempt) is { } reply)
            {
                await reply.WriteAsync(context);
                return;
            }

            var answer = chat ? ChatAnswer(json.RootElement, attempt) : CompletionAnswer(json.RootElement, attempt);
            var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
            await Respond(context, attempt == 1 ? FaultOf(body) : Fault.None, bytes);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private Fault FaultOf(string body)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(body));
        if (hash[0] * 100 / 256 >= FaultPercent)
        {
            return Fault.None;
        }

        return OnlyFault != Fault.None ? OnlyFault : (Fault)(1 + (hash[1] % 5));
    }

    private async Task Respond(HttpContext context, Fault fault, byte[] bytes)
    {
        switch (fault)
        {
            case Fault.TooManyRequests:
                context.Response.Headers.RetryAfter = RetryAfter;
                await WriteError(context, 429, "slow down");
                return;
            case Fault.ServerError:
                await WriteError(context, 500, "boom");
                return;
            case Fault.Stall:
                await Task.Delay(Stall, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case Fault.DroppedMidBody:
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = bytes.Length;
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            case Fault.TruncatedJson:
                bytes = bytes[..(bytes.Length / 2)];
                break;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
    }

    private JsonObject CompletionAnswer(JsonElement request, int attempt)
    {
        var prompt = request.GetProperty("prompt").GetString()!;
        var top = Rewritten(TopTokens(prompt, spaced: true), prompt, attempt);
        var logprobs = Shape switch
        {
            LogprobShape.Legacy => new JsonObject
            {
                ["tokens"] = new JsonArray(top[0].Token),
                ["token_logprobs"] = new JsonArray(top[0].Logprob.DeepClone()),
                ["top_logprobs"] = new JsonArray(new JsonObject(top.Select(t => KeyValuePair.Create(t.Token, (JsonNode?)t.Logprob.DeepClone())))),
                ["text_offset"] = new JsonArray(prompt.Length),
            },
            LogprobShape.Chat => ChatShape(top),
            _ => null,
        };
        var choice = new JsonObject { ["text"] = top[0].Token, ["index"] = 0, ["finish_reason"] = "length" };
        if (logprobs is not null)
        {
            choice["logprobs"] = logprobs;
        }

        return Envelope("text_completion", choice, prompt.Length);
    }

    private JsonObject ChatAnswer(JsonElement request, int attempt)
    {
        var content = request.GetProperty("messages")[0].GetProperty("content").GetString()!;
        var wantsLogprobs = request.TryGetProperty("logprobs", out var lp) && lp.ValueKind == JsonValueKind.True;
        var top = Rewritten(TopTokens(content, spaced: false), content, attempt);
        var choice = new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = top[0].Token },
            ["finish_reason"] = "length",
        };
        if (wantsLogprobs && Shape != LogprobShape.None)
        {
            choice["logprobs"] = ChatShape(top);
        }

        return Envelope("chat.completion", choice, content.Length);
    }

    /// <summary>
    /// Completions: <c>" A"</c> and a bare <c>"A"</c> 0.1 nat MORE likely (must be ignored). Chat: bare letters, a spaced
    /// variant 1 nat less likely and <c>"A."</c>. Then filler tokens, most likely first.
    /// A prompt containing <c>[no D]</c> leaves D out.
    /// </summary>
    private static List<(string Token, double Logprob)> TopTokens(string prompt, bool spaced)
    {
        var scores = LetterLogprobs(prompt);
        var top = new List<(string Token, double Logprob)>();
        for (var i = 0; i < 4; i++)
        {
            if (i == 3 && prompt.Contains("[no D]", StringComparison.Ordinal))
            {
                continue;
            }

            top.Add(((spaced ? " " : string.Empty) + Letters[i], scores[i]));
            if (!spaced)
            {
                top.Add((" " + Letters[i], scores[i] - 1));
            }

            top.Add(spaced ? (Letters[i], scores[i] + 0.1) : (Letters[i] + ".", scores[i] - 2));
        }

        top.Add(("\n", -9.5));
        top.Add((" The", -10.5));
        return [.. top.OrderByDescending(t => t.Logprob)];
    }

    /// <summary>The top list after <see cref="Rewrite"/>, each log-probability as the JSON value to send.</summary>
    private List<(string Token, JsonNode Logprob)> Rewritten(List<(string Token, double Logprob)> top, string prompt, int attempt)
    {
        var sent = new List<(string, JsonNode)>();
        foreach (var (token, logprob) in top)
        {
            if (Rewrite is null)
            {
                sent.Add((token, JsonValue.Create(logprob)));
            }
            else if (Rewrite(prompt, attempt, token, logprob) is { } rewritten)
            {
                sent.Add(rewritten);
            }
        }

        return sent;
    }

    private static JsonObject ChatShape(List<(string Token, JsonNode Logprob)> top) => new()
    {
        ["content"] = new JsonArray(new JsonObject
        {
            ["id"] = 1,
            ["token"] = top[0].Token,
            ["bytes"] = new JsonArray(),
            ["logprob"] = top[0].Logprob.DeepClone(),
            ["top_logprobs"] = new JsonArray([.. top.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = 2,
                ["token"] = t.Token,
                ["bytes"] = new JsonArray(),
                ["logprob"] = t.Logprob.DeepClone(),
            })]),
        }),
    };

    private static JsonObject Envelope(string kind, JsonObject choice, int promptLength) => new()
    {
        ["id"] = "cmpl-1",
        ["object"] = kind,
        ["created"] = 0,
        ["model"] = "fake",
        ["choices"] = new JsonArray(choice),
        ["usage"] = new JsonObject { ["prompt_tokens"] = promptLength / 4, ["completion_tokens"] = 1, ["total_tokens"] = (promptLength / 4) + 1 },
    };

    private static async Task WriteError(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["code"] = status } };
        await context.Response.WriteAsync(error.ToJsonString());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
