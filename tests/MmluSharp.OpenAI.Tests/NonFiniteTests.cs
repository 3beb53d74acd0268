using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MmluSharp.OpenAI.Http;
using MmluSharp.OpenAI.Wire;

namespace MmluSharp.OpenAI.Tests;

public sealed class NonFiniteTests
{
    [Theory]
    [InlineData(LogprobShape.Legacy)]
    [InlineData(LogprobShape.Chat)]
    public async Task Minus_infinity_is_a_legal_log_probability_in_either_shape(LogprobShape shape)
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = shape;
        server.Rewrite = (_, _, token, logprob) => (token, token == " D" ? JsonValue.Create("-Infinity") : JsonValue.Create(logprob));
        var requests = TestRequests.Make(3);
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));

        var answers = await TestRequests.ScoreAll(model, requests);

        Assert.All(requests, r => Assert.Equal([.. FakeServer.LetterLogprobs(r.Prompt.Text)[..3], double.NegativeInfinity], answers[r.Id]));
        Assert.Equal(0, model.Statistics.FloorLetters);
        Assert.Equal(0, model.Statistics.Retries);
    }

    [Fact]
    public async Task Bare_non_finite_literals_from_a_Python_server_are_read()
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (_, _) => FakeReply.Json(
            """{"choices":[{"text":" A","logprobs":{"tokens":[" A"],"token_logprobs":[-0.5],"top_logprobs":[{" A": -0.5, " B": -1.5, " C": -Infinity, "NaN": -9.0}]}}]}""");
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));

        var answers = await TestRequests.ScoreAll(model, TestRequests.Make(1));

        Assert.Equal([-0.5, -1.5, double.NegativeInfinity, -100], answers["0"]);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task NaN_or_plus_infinity_is_a_broken_answer_retried_and_only_the_healthy_answer_is_cached(string value)
    {
        await using var server = await FakeServer.StartAsync();
        server.Rewrite = (_, attempt, token, logprob) => (token, token == " C" && attempt == 1 ? JsonValue.Create(value) : JsonValue.Create(logprob));
        var requests = TestRequests.Make(6);
        var options = TestRequests.Options(server) with { CachePath = TestRequests.TempFile("cache.sqlite") };
        using (var first = OpenAICompatible.CompletionsModel(options))
        {
            var answers = await TestRequests.ScoreAll(first, requests);
            Assert.All(requests, r => Assert.Equal(FakeServer.LetterLogprobs(r.Prompt.Text), answers[r.Id]));
            Assert.Equal(new EndpointStatistics(12, 0, 6, 0), first.Statistics);
        }

        using var again = OpenAICompatible.CompletionsModel(options);
        var cached = await TestRequests.ScoreAll(again, requests);

        Assert.All(requests, r => Assert.Equal(FakeServer.LetterLogprobs(r.Prompt.Text), cached[r.Id]));
        Assert.Equal(new EndpointStatistics(0, 6, 0, 0), again.Statistics);
    }

    [Fact]
    public async Task A_server_that_keeps_answering_NaN_fails_with_one_line_after_its_retries()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        server.Rewrite = (_, _, token, logprob) => (token, token == "B" ? JsonValue.Create("NaN") : JsonValue.Create(logprob));
        var cache = TestRequests.TempFile("cache.sqlite");
        using var model = OpenAICompatible.ChatLetterModel(TestRequests.Options(server) with { MaxRetries = 2, Concurrency = 1, CachePath = cache });

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));

        Assert.Equal($"{server.BaseUrl}/chat/completions answered a log-probability of NaN, a broken answer (after 2 retries)", error.Message);
        Assert.Equal(3, server.Hits);
        Assert.Equal(0, CacheRows(cache));
    }

    [Fact]
    public async Task A_broken_answer_left_in_an_old_cache_is_asked_again_and_replaced()
    {
        await using var server = await FakeServer.StartAsync();
        var request = TestRequests.Make(1)[0];
        var options = TestRequests.Options(server) with { CachePath = TestRequests.TempFile("cache.sqlite") };
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new CompletionRequest(options.Model, request.Prompt.Text, 1, options.TopLogprobs, 0), WireJson.Default.CompletionRequest);
        var baseUrl = new Uri(server.BaseUrl + "/");
        using (var old = new ResponseCache(options.CachePath))
        {
            old.Store(CachingHandler.Key(baseUrl, "completions", body), baseUrl.AbsoluteUri, new CachedResponse(
                "application/json", Encoding.UTF8.GetBytes("""{"choices":[{"text":" A","logprobs":{"top_logprobs":[{" A":"NaN"," B":-1," C":-2," D":-3}]}}]}""")));
        }

        using (var model = OpenAICompatible.CompletionsModel(options))
        {
            var answers = await TestRequests.ScoreAll(model, [request]);
            Assert.Equal(FakeServer.LetterLogprobs(request.Prompt.Text), answers["0"]);
            Assert.Equal(new EndpointStatistics(1, 0, 0, 0), model.Statistics);
        }

        using var again = OpenAICompatible.CompletionsModel(options);
        await TestRequests.ScoreAll(again, [request]);
        Assert.Equal(new EndpointStatistics(0, 1, 0, 0), again.Statistics);
    }

    internal static long CacheRows(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM responses;";
        return (long)command.ExecuteScalar()!;
    }
}
