using Microsoft.Extensions.AI;

namespace MmluSharp.OpenAI.Tests;

public sealed class ChatTests
{
    [Fact]
    public async Task Chat_letter_takes_the_best_token_that_trims_to_the_letter()
    {
        await using var server = await FakeServer.StartAsync();
        var requests = TestRequests.Make(10);
        var options = TestRequests.Options(server);
        using var model = OpenAICompatible.ChatLetterModel(options);

        var answers = await TestRequests.ScoreAll(model, requests);

        foreach (var request in requests)
        {
            var message = request.Prompt.Text + "\n\n" + options.ChatInstruction;
            Assert.Equal(FakeServer.LetterLogprobs(message), answers[request.Id]);
        }

        Assert.Equal(0, model.Statistics.FloorLetters);
        Assert.Equal("chat/completions", model.Settings["api"]);
    }

    [Fact]
    public async Task Chat_letter_without_logprobs_stops_the_run()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.None;
        using var model = OpenAICompatible.ChatLetterModel(TestRequests.Options(server));

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(3)));

        Assert.StartsWith($"{server.BaseUrl}/chat/completions returned no log-probabilities;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chat_client_goes_through_retries_and_the_cache()
    {
        await using var server = await FakeServer.StartAsync();
        server.FaultPercent = 100;
        server.OnlyFault = Fault.ServerError;
        var options = TestRequests.Options(server) with { CachePath = TestRequests.TempFile("chat.sqlite") };
        using var client = OpenAICompatible.CreateChatClient(options);

        var first = await client.GetResponseAsync("Which letter? [no D]");
        var second = await client.GetResponseAsync("Which letter? [no D]");

        Assert.False(string.IsNullOrEmpty(first.Text));
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(2, server.Hits);
        var statistics = client.GetService<EndpointStatistics>()!;
        Assert.Equal(new EndpointStatistics(2, 1, 1, 0), statistics);
    }

    [Fact]
    public async Task Chat_client_without_a_key_sends_no_authorization()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        using var client = OpenAICompatible.CreateChatClient(TestRequests.Options(server));

        await client.GetResponseAsync("Which letter?");

        Assert.Equal([string.Empty], server.Authorizations);
    }
}
