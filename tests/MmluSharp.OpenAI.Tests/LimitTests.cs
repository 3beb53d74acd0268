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

    [Fact]
    public async Task Requests_per_minute_spaces_the_requests()
    {
        await using var server = await FakeServer.StartAsync();
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { RequestsPerMinute = 1200, Concurrency = 8 });

        await TestRequests.ScoreAll(model, TestRequests.Make(11));

        var starts = server.Starts.Order().ToList();
        Assert.InRange((starts[^1] - starts[0]).TotalSeconds, 0.4, 3);
    }
}
