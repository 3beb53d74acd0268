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

            var answer = chat ? FakeAnswers.Chat(json.RootElement, Shape, Rewrite, attempt) : FakeAnswers.Completion(json.RootElement, Shape, Rewrite, attempt);
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
