using System.Text;
using Microsoft.Extensions.AI;

namespace MmluSharp.OpenAI.Tests;

/// <summary>Answers that are not OpenAI-shaped fail every client of the pipeline the same way: one line, never cached.</summary>
public sealed class AnswerShapeTests
{
    public static TheoryData<string, string> Broken => new()
    {
        { "html", "answered text/html, not JSON: <!DOCTYPE html> <html><body>Please log in \\u001b[31m</body></html>" },
        { "array", "answered a JSON array, not an OpenAI-compatible response object: [{\"text\":\"A\"}]" },
        { "string", "answered a JSON string, not an OpenAI-compatible response object: \"ok\"" },
        { "no-choices", "answered JSON without \"choices\": {\"id\":\"cmpl-1\",\"object\":\"chat.completion\"}" },
        { "empty-choices", "answered JSON without \"choices\": {\"choices\":[]}" },
        { "error", "answered an error: {\"error\":{\"message\":\"model is loading\"}}" },
    };

    private static FakeReply Reply(string kind) => kind switch
    {
        "html" => new FakeReply(200, "text/html", Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><body>Please log in \u001b[31m</body></html>")),
        "array" => FakeReply.Json("[{\"text\":\"A\"}]"),
        "string" => FakeReply.Json("\"ok\""),
        "no-choices" => FakeReply.Json("{\"id\":\"cmpl-1\",\"object\":\"chat.completion\"}"),
        "empty-choices" => FakeReply.Json("{\"choices\":[]}"),
        _ => FakeReply.Json("{\"error\":{\"message\":\"model is loading\"}}"),
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task The_chat_client_fails_with_one_line_naming_the_url_and_caches_nothing(string kind, string expected)
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (_, _) => Reply(kind);
        var cache = TestRequests.TempFile("cache.sqlite");
        using var client = OpenAICompatible.CreateChatClient(TestRequests.Options(server) with { CachePath = cache });

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetResponseAsync("Which letter?"));

        Assert.Equal($"{server.BaseUrl}/chat/completions {expected}", error.Message);
        Assert.Equal(1, server.Hits);
        Assert.Equal(0, NonFiniteTests.CacheRows(cache));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task The_letter_scorings_fail_with_the_same_line(string kind, string expected)
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (_, _) => Reply(kind);
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));

        Assert.Equal($"{server.BaseUrl}/completions {expected}", error.Message);
    }

    [Fact]
    public async Task A_chat_server_that_does_not_answer_in_time_is_one_line_after_the_retries()
    {
        await using var server = await FakeServer.StartAsync();
        server.FaultPercent = 100;
        server.OnlyFault = Fault.Stall;
        server.Stall = TimeSpan.FromSeconds(30);
        using var client = OpenAICompatible.CreateChatClient(TestRequests.Options(server) with { Timeout = TimeSpan.FromSeconds(0.5), MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetResponseAsync("Which letter?"));

        Assert.Equal($"{server.BaseUrl}/chat/completions did not answer within 0.5 s", error.Message);
    }

    [Fact]
    public async Task A_JSON_answer_sent_as_text_plain_is_accepted()
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (_, _) => new FakeReply(200, "text/plain", Encoding.UTF8.GetBytes("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"B\"}}]}"));
        using var client = OpenAICompatible.CreateChatClient(TestRequests.Options(server));

        Assert.Equal("B", (await client.GetResponseAsync("Which letter?")).Text);
    }
}
