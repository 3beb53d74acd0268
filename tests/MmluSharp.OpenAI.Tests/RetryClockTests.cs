using System.Globalization;

namespace MmluSharp.OpenAI.Tests;

/// <summary>
/// Retry delays on a fake clock: each test moves the clock only once the pipeline has started its timer, and reads
/// on the same clock when every attempt reached the server, so the delays it checks are exact and take no real time.
/// </summary>
public sealed class RetryClockTests
{
    /// <summary>The per-attempt timeout: far beyond any move of the clock here, and not reported by the clock.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData("2", 60, 2)]
    [InlineData("30", 5, 5)]
    public async Task A_429_waits_exactly_its_Retry_After_seconds_on_the_clock_capped_at_the_max_retry_delay(
        string retryAfter, int maxRetryDelay, int waited)
    {
        var (clock, server) = await StartAsync();
        await using var _ = server;
        server.RetryAfter = retryAfter;
        using var model = OpenAICompatible.CompletionsModel(Options(server, clock) with { MaxRetryDelay = TimeSpan.FromSeconds(maxRetryDelay) });

        var scoring = TestRequests.ScoreAll(model, TestRequests.Make(2));
        Assert.Equal(TimeSpan.FromSeconds(waited), await clock.NextTimerAsync());
        Assert.Equal(TimeSpan.FromSeconds(waited), await clock.NextTimerAsync());
        clock.Advance(TimeSpan.FromSeconds(waited));
        await scoring;

        Assert.Equal(Seconds(clock, 0, 0, waited, waited), server.Starts.Order());
        Assert.Equal(2, model.Statistics.Retries);
    }

    [Fact]
    public async Task A_Retry_After_date_waits_until_that_moment_of_the_clock()
    {
        var (clock, server) = await StartAsync();
        await using var _ = server;
        server.RetryAfter = clock.GetUtcNow().AddSeconds(3).ToString("R", CultureInfo.InvariantCulture);
        using var model = OpenAICompatible.CompletionsModel(Options(server, clock) with { MaxRetryDelay = TimeSpan.FromMinutes(1) });

        var scoring = TestRequests.ScoreAll(model, TestRequests.Make(1));
        Assert.Equal(TimeSpan.FromSeconds(3), await clock.AdvanceToNextTimerAsync());
        await scoring;

        Assert.Equal(Seconds(clock, 0, 3), server.Starts.Order());
    }

    [Fact]
    public async Task Backoff_without_Retry_After_doubles_from_the_base_delay_and_each_retry_waits_exactly_its_delay()
    {
        var (clock, server) = await StartAsync();
        await using var _ = server;
        server.AlwaysStatus = 503;
        var options = Options(server, clock) with
        {
            MaxRetries = 4,
            Concurrency = 1,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
            MaxRetryDelay = TimeSpan.FromMinutes(1),
        };
        using var model = OpenAICompatible.CompletionsModel(options);

        var failing = Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));
        var delays = new List<TimeSpan>();
        for (var retry = 1; retry <= 4; retry++)
        {
            delays.Add(await clock.AdvanceToNextTimerAsync());
        }

        var error = await failing;

        Assert.StartsWith($"{server.BaseUrl}/completions still answered HTTP 503 after 4 retries", error.Message, StringComparison.Ordinal);
        var starts = server.Starts.ToList();
        Assert.Equal(5, starts.Count);
        Assert.Equal(delays, starts.Zip(starts.Skip(1), (a, b) => b - a));

        // Exponential backoff with jitter (Polly's decorrelated jitter V2) starts retry k at B·F(k - 1 + u) / 1.4 after
        // the first attempt, u uniform in [0, 1), F(t) = 2^t·tanh(√(4t)), B the base delay: always within
        // [B·F(k-1), B·F(k)) / 1.4, i.e. [0, 1.38), [1.38, 2.84), [2.84, 5.71), [5.70, 11.43) s for B = 1 s: each
        // retry about twice as late as the one before.
        for (var k = 1; k <= 4; k++)
        {
            var waited = (starts[k] - starts[0]).TotalSeconds;
            Assert.InRange(waited, JitterCurve(k - 1) / 1.4, JitterCurve(k) / 1.4);
        }
    }

    private static double JitterCurve(double t) => Math.Pow(2, t) * Math.Tanh(Math.Sqrt(4 * t));

    /// <summary>A fake clock and a server stamping arrivals on it that answers every first attempt with a 429.</summary>
    private static async Task<(ManualClock Clock, FakeServer Server)> StartAsync()
    {
        var clock = new ManualClock { Unreported = Timeout };
        var server = await FakeServer.StartAsync();
        server.Clock = clock;
        server.FaultPercent = 100;
        server.OnlyFault = Fault.TooManyRequests;
        return (clock, server);
    }

    private static EndpointOptions Options(FakeServer server, ManualClock clock) =>
        TestRequests.Options(server) with { TimeProvider = clock, Timeout = Timeout };

    private static List<DateTimeOffset> Seconds(ManualClock clock, params int[] offsets) =>
        [.. offsets.Select(s => clock.Start.AddSeconds(s))];
}
