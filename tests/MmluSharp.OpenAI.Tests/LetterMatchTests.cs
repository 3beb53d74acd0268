using System.Text.Json.Nodes;
using MmluSharp.Models;

namespace MmluSharp.OpenAI.Tests;

public sealed class LetterMatchTests
{
    /// <summary>Answers judged before any is yielded; no more requests than this are sent before the verdict.</summary>
    private const int LetterWindowSize = 20;

    private static async Task<List<ScoreResponse>> Collect(IEndpointModel model, IReadOnlyList<ScoreRequest> requests)
    {
        var yielded = new List<ScoreResponse>();
        await foreach (var scored in model.ScoreAsync(requests))
        {
            yielded.Add(scored);
        }

        return yielded;
    }

    [Theory]
    [InlineData(LogprobShape.Legacy)]
    [InlineData(LogprobShape.Chat)]
    public async Task Completions_letters_spelt_without_the_space_stop_scoring_before_any_answer_is_yielded(LogprobShape shape)
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = shape;
        server.Rewrite = (_, _, token, logprob) => token.StartsWith(' ') ? null : (token, JsonValue.Create(logprob));
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));
        var yielded = new List<ScoreResponse>();

        var error = await Assert.ThrowsAsync<EndpointException>(async () =>
        {
            await foreach (var scored in model.ScoreAsync(TestRequests.Make(40)))
            {
                yielded.Add(scored);
            }
        });

        Assert.Empty(yielded);
        Assert.StartsWith(
            $"{server.BaseUrl}/completions: none of the letters (exactly \" A\" \" B\" \" C\" \" D\") was among the 20 alternatives for the first token in 10 of the first 10 answers",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("the server listed \"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"\\n\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("--scoring chat-letter", error.Message, StringComparison.Ordinal);
        Assert.InRange(server.HitsByBody.Count, 10, LetterWindowSize);
    }

    [Fact]
    public async Task A_first_batch_smaller_than_the_window_is_judged_on_its_own()
    {
        await using var server = await FakeServer.StartAsync();
        server.Rewrite = (prompt, _, token, logprob) =>
            token.Trim().Length == 1 && !prompt.Contains("Question 0?", StringComparison.Ordinal) ? null : (token, JsonValue.Create(logprob));
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));

        var error = await Assert.ThrowsAsync<EndpointException>(() => Collect(model, TestRequests.Make(4)));

        Assert.Contains("in 3 of the first 4 answers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_first_answers_list_letters_later_letterless_answers_are_scored_and_counted()
    {
        await using var server = await FakeServer.StartAsync();
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));
        Assert.Equal(20, (await Collect(model, TestRequests.Make(20))).Count);

        server.Rewrite = (_, _, token, logprob) => token.Trim().Length == 1 ? null : (token, JsonValue.Create(logprob));
        var late = await Collect(model, TestRequests.Make(5, " later"));

        Assert.Equal(5, late.Count);
        Assert.All(late, s => Assert.Equal([0, 1, 2, 3], s.Floored!));
        Assert.All(late, s => Assert.Equal([-100.0, -100, -100, -100], s.LogProbabilities));
        Assert.Equal(20, model.Statistics.FloorLetters);
    }

    [Fact]
    public async Task Healthy_answers_held_back_by_the_window_are_all_yielded_and_a_floored_letter_is_named()
    {
        await using var server = await FakeServer.StartAsync();
        var requests = TestRequests.Make(3).Concat(TestRequests.Make(30, " [no D]").Skip(3)).ToList();
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));

        var yielded = await Collect(model, requests);

        Assert.Equal(30, yielded.Count);
        Assert.Equal(27, yielded.Count(s => s.Floored is [3]));
        Assert.Equal(3, yielded.Count(s => s.Floored is null));
    }
}
