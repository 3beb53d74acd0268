namespace MmluSharp.OpenAI.Tests;

public sealed class CompletionsTests
{
    [Theory]
    [InlineData(LogprobShape.Legacy)]
    [InlineData(LogprobShape.Chat)]
    public async Task Reads_the_spaced_letters_in_either_shape(LogprobShape shape)
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = shape;
        var requests = TestRequests.Make(12);
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));

        var answers = new Dictionary<string, Models.ScoreResponse>(StringComparer.Ordinal);
        await foreach (var scored in model.ScoreAsync(requests))
        {
            answers.Add(scored.Id, scored);
        }

        foreach (var request in requests)
        {
            var scored = answers[request.Id];
            Assert.Equal(FakeServer.LetterLogprobs(request.Prompt.Text), scored.LogProbabilities);
            Assert.Equal(1, scored.ShotsUsed);
            Assert.Equal((request.Prompt.Text.Length / 4) + 1, scored.TokensDecoded);
        }

        Assert.Equal(new EndpointStatistics(12, 0, 0, 0), model.Statistics);
    }

    [Theory]
    [InlineData(LogprobShape.Legacy)]
    [InlineData(LogprobShape.Chat)]
    public async Task A_letter_missing_from_the_top_list_gets_the_floor_and_is_counted(LogprobShape shape)
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = shape;
        var requests = TestRequests.Make(3, " [no D]");
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { FloorLogprob = -77 });

        var answers = await TestRequests.ScoreAll(model, requests);

        Assert.All(answers.Values, a => Assert.Equal(-77, a[3]));
        Assert.Equal(3, model.Statistics.FloorLetters);
    }

    [Fact]
    public async Task No_logprobs_stops_the_run_with_a_clear_message()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.None;
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(20)));

        Assert.Equal(
            $"{server.BaseUrl}/completions returned no log-probabilities; this server cannot be used with --scoring letter; use --scoring generate",
            error.Message);
    }

    [Fact]
    public async Task Settings_name_endpoint_model_and_parameters_but_never_the_key()
    {
        await using var server = await FakeServer.StartAsync();
        var options = TestRequests.Options(server) with { ApiKey = "sk-secret-123" };
        using var model = OpenAICompatible.CompletionsModel(options);

        var settings = string.Join(";", model.Settings.Select(kv => kv.Key + "=" + kv.Value));

        Assert.Equal($"endpoint={server.BaseUrl}/;api=completions;model=fake-model;max_tokens=1;logprobs=20;temperature=0;floor_logprob=-100", settings);
        Assert.DoesNotContain("sk-secret", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-secret", System.Text.Json.JsonSerializer.Serialize(options with { Log = null }), StringComparison.Ordinal);
    }
}
