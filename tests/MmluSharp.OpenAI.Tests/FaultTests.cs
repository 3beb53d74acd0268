using MmluSharp.Testing;

namespace MmluSharp.OpenAI.Tests;

public sealed class FaultTests
{
    [Theory]
    [InlineData(LogprobShape.Legacy, false)]
    [InlineData(LogprobShape.Chat, false)]
    [InlineData(LogprobShape.Legacy, true)]
    public async Task Twenty_percent_faults_give_the_same_results_as_none(LogprobShape shape, bool chat)
    {
        var requests = TestRequests.Make(200);
        await using var clean = await FakeServer.StartAsync();
        await using var faulty = await FakeServer.StartAsync();
        clean.Shape = faulty.Shape = shape;
        faulty.FaultPercent = 20;
        faulty.Stall = TimeSpan.FromSeconds(5);

        // The timeout only has to catch the injected stalls; on a loaded 2-core machine a healthy answer can take
        // a few hundred milliseconds, so it is generous, and the counts below allow a healthy request retried.
        IEndpointModel Make(FakeServer s) => chat
            ? OpenAICompatible.ChatLetterModel(TestRequests.Options(s) with { Timeout = TimeSpan.FromSeconds(1.5), Concurrency = 16 })
            : OpenAICompatible.CompletionsModel(TestRequests.Options(s) with { Timeout = TimeSpan.FromSeconds(1.5), Concurrency = 16 });
        using var cleanModel = Make(clean);
        using var faultyModel = Make(faulty);

        var expected = await TestRequests.ScoreAll(cleanModel, requests);
        var actual = await TestRequests.ScoreAll(faultyModel, requests);

        foreach (var (id, logprobs) in expected)
        {
            Assert.Equal(logprobs, actual[id]);
        }

        var faults = faulty.HitsByBody.Values.Count(n => n > 1);
        Assert.InRange(faults, 20, 70);
        Assert.Equal(faulty.Hits, faultyModel.Statistics.Requests);
        Assert.Equal(faulty.Hits - 200, faultyModel.Statistics.Retries);
    }

    [Fact]
    public async Task A_stalled_answer_times_out_and_is_retried()
    {
        await using var server = await FakeServer.StartAsync();
        server.FaultPercent = 100;
        server.OnlyFault = Fault.Stall;
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { Timeout = TimeSpan.FromSeconds(1) });

        var answers = await TestRequests.ScoreAll(model, TestRequests.Make(4));

        Assert.Equal(4, answers.Count);
        Assert.Equal(4, model.Statistics.Retries);
    }

    [Theory]
    [InlineData(Fault.DroppedMidBody)]
    [InlineData(Fault.TruncatedJson)]
    public async Task A_truncated_body_is_retried(Fault fault)
    {
        await using var server = await FakeServer.StartAsync();
        server.FaultPercent = 100;
        server.OnlyFault = fault;
        var requests = TestRequests.Make(4);
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));

        var answers = await TestRequests.ScoreAll(model, requests);

        Assert.Equal(FakeServer.LetterLogprobs(requests[0].Prompt.Text), answers["0"]);
        Assert.Equal(4, model.Statistics.Retries);
    }

    [Fact]
    public async Task Exhausted_retries_name_the_url_and_status()
    {
        await using var server = await FakeServer.StartAsync();
        server.AlwaysStatus = 503;
        var lines = new List<string>();
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { MaxRetries = 3, Concurrency = 1, Log = lines.Add });

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));

        Assert.StartsWith($"{server.BaseUrl}/completions still answered HTTP 503 after 3 retries", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Hits);
        Assert.Equal(4, lines.Count);
    }

    [Fact]
    public async Task Connection_refused_is_one_line_naming_the_url()
    {
        var refusing = Loopback.RefusingAddress();
        var url = new Uri(refusing + "/v1");
        using var model = OpenAICompatible.CompletionsModel(new EndpointOptions([url], "m") { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));

        Assert.Equal($"cannot connect to {refusing}/v1/completions: connection refused (after 2 retries)", error.Message);
    }

    [Fact]
    public async Task A_rejected_key_is_reported_without_the_key()
    {
        await using var server = await FakeServer.StartAsync();
        server.RequiredKey = "sk-right";
        var lines = new List<string>();
        Environment.SetEnvironmentVariable("MMLU_OPENAI_TESTS_KEY", "sk-wrong-999");
        using var model = OpenAICompatible.CompletionsModel(
            TestRequests.Options(server) with { ApiKeyVariable = "MMLU_OPENAI_TESTS_KEY", Log = lines.Add });

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));

        Assert.StartsWith($"{server.BaseUrl}/completions rejected the API key (HTTP 401; key from $MMLU_OPENAI_TESTS_KEY)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided: [REDACTED]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-wrong", error.Message + string.Concat(lines), StringComparison.Ordinal);
        Assert.Single(lines);
    }

    [Fact]
    public async Task An_unknown_model_is_a_404_naming_it()
    {
        await using var server = await FakeServer.StartAsync();
        server.KnownModel = "other";
        using var model = OpenAICompatible.ChatLetterModel(TestRequests.Options(server));

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(5)));

        Assert.StartsWith($"{server.BaseUrl}/chat/completions answered HTTP 404: no model 'fake-model'", error.Message, StringComparison.Ordinal);
    }
}
