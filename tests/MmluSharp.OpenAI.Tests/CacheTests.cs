namespace MmluSharp.OpenAI.Tests;

public sealed class CacheTests
{
    [Fact]
    public async Task A_restarted_run_sends_no_request_twice()
    {
        await using var server = await FakeServer.StartAsync();
        server.FaultPercent = 20;
        server.OnlyFault = Fault.ServerError;
        var requests = TestRequests.Make(100);
        var options = TestRequests.Options(server) with { CachePath = TestRequests.TempFile("cache.sqlite") };

        using (var first = OpenAICompatible.CompletionsModel(options))
        {
            await TestRequests.ScoreAll(first, requests[..50]);
        }

        server.FaultPercent = 0;
        var hitsBefore = server.Hits;
        using var second = OpenAICompatible.CompletionsModel(options);
        var answers = await TestRequests.ScoreAll(second, requests);

        Assert.Equal(50, server.Hits - hitsBefore);
        Assert.Equal(new EndpointStatistics(50, 50, 0, 0), second.Statistics);
        Assert.Equal(100, server.HitsByBody.Count);
        Assert.All(requests, r => Assert.Equal(FakeServer.LetterLogprobs(r.Prompt.Text), answers[r.Id]));

        using var third = OpenAICompatible.CompletionsModel(options);
        await TestRequests.ScoreAll(third, requests);
        Assert.Equal(100, third.Statistics.CacheHits);
        Assert.Equal(0, third.Statistics.Requests);
    }

    [Fact]
    public async Task Failed_answers_are_not_cached()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Legacy;
        server.AlwaysStatus = 400;
        var options = TestRequests.Options(server) with { CachePath = TestRequests.TempFile("cache.sqlite") };
        using (var model = OpenAICompatible.CompletionsModel(options))
        {
            await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));
        }

        server.AlwaysStatus = 0;
        using var again = OpenAICompatible.CompletionsModel(options);
        await TestRequests.ScoreAll(again, TestRequests.Make(1));
        Assert.Equal(0, again.Statistics.CacheHits);
    }

    [Fact]
    public async Task Answers_the_adapter_rejects_are_not_cached()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.None;
        var options = TestRequests.Options(server) with { CachePath = TestRequests.TempFile("cache.sqlite") };
        using (var model = OpenAICompatible.CompletionsModel(options))
        {
            await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));
        }

        server.Shape = LogprobShape.Legacy;
        var hitsBefore = server.Hits;
        using var again = OpenAICompatible.CompletionsModel(options);
        var answers = await TestRequests.ScoreAll(again, TestRequests.Make(1));

        Assert.Equal(1, server.Hits - hitsBefore);
        Assert.Equal(0, again.Statistics.CacheHits);
        Assert.Equal(FakeServer.LetterLogprobs(TestRequests.Make(1)[0].Prompt.Text), answers["0"]);

        using var third = OpenAICompatible.CompletionsModel(options);
        await TestRequests.ScoreAll(third, TestRequests.Make(1));
        Assert.Equal(1, third.Statistics.CacheHits);
    }

    [Fact]
    public async Task Several_endpoints_share_the_load_and_the_cache()
    {
        await using var a = await FakeServer.StartAsync();
        await using var b = await FakeServer.StartAsync();
        a.Delay = b.Delay = TimeSpan.FromMilliseconds(5);
        var requests = TestRequests.Make(60);
        var cache = TestRequests.TempFile("cache.sqlite");
        using (var solo = OpenAICompatible.CompletionsModel(TestRequests.Options(a) with { CachePath = cache }))
        {
            await TestRequests.ScoreAll(solo, requests[..20]);
        }

        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(a, b) with { CachePath = cache });
        var answers = await TestRequests.ScoreAll(model, requests);

        Assert.Equal(20, model.Statistics.CacheHits);
        Assert.Equal(60, a.Hits + b.Hits);
        Assert.InRange(b.Hits, 10, 30);
        Assert.All(requests, r => Assert.Equal(FakeServer.LetterLogprobs(r.Prompt.Text), answers[r.Id]));
    }
}
