namespace MmluSharp.OpenAI.Tests;

public sealed class LimitTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task No_more_than_Concurrency_requests_are_in_flight(int concurrency)
    {
        await using var server = await FakeServer.StartAsync();
        server.Delay = TimeSpan.FromMilliseconds(20);
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { Concurrency = concurrency });

        await TestRequests.ScoreAll(model, TestRequests.Make(30));

        Assert.Equal(concurrency, server.MaxInFlight);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(1200)]
    public async Task Requests_per_minute_N_starts_the_requests_exactly_60_over_N_seconds_apart_on_the_clock(int rpm)
    {
        var clock = new ManualClock { Unreported = TimeSpan.FromMinutes(10) };
        var spacing = TimeSpan.FromMinutes(1) / rpm;
        await using var server = await FakeServer.StartAsync();
        server.Clock = clock;
        var options = TestRequests.Options(server) with { RequestsPerMinute = rpm, Concurrency = 8, TimeProvider = clock, Timeout = clock.Unreported };
        using var model = OpenAICompatible.CompletionsModel(options);

        var scoring = TestRequests.ScoreAll(model, TestRequests.Make(4));

        // The first goes at once; the three others each wait for their own slot.
        var waits = new List<TimeSpan> { await clock.NextTimerAsync(), await clock.NextTimerAsync(), await clock.NextTimerAsync() };
        Assert.Equal([spacing, 2 * spacing, 3 * spacing], waits.Order());
        await ManualClock.UntilAsync(() => server.Hits == 1, "the first request to arrive");
        for (var sent = 2; sent <= 4; sent++)
        {
            clock.Advance(spacing);
            await ManualClock.UntilAsync(() => server.Hits == sent, $"request {sent} to arrive");
        }

        await scoring;
        Assert.Equal([.. Enumerable.Range(0, 4).Select(k => clock.Start + (k * spacing))], server.Starts.Order());
    }
}
