using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace MmluSharp.OpenAI.Tests;

/// <summary>Every path by which server text is printed or stored goes through the one redaction step.</summary>
public sealed class RedactionTests
{
    private const string Key = "sk-redact-me-0001";

    private static EndpointOptions Options(FakeServer server, List<string> lines, string? key = Key) =>
        TestRequests.Options(server) with { ApiKey = key, Log = lines.Add, CachePath = TestRequests.TempFile("cache.sqlite"), MaxRetries = 1 };

    [Fact]
    public async Task Generate_errors_echoing_the_key_are_redacted_in_the_message_and_the_log()
    {
        await using var server = await FakeServer.StartAsync();
        server.RequiredKey = "sk-the-right-one";
        var lines = new List<string>();
        using var client = OpenAICompatible.CreateChatClient(Options(server, lines));

        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetResponseAsync("Which letter?"));

        Assert.Equal(
            $"{server.BaseUrl}/chat/completions rejected the API key (HTTP 401; key from the options): {{\"error\":{{\"message\":\"Incorrect API key provided: [REDACTED].\",\"code\":401}}}}",
            error.Message);
        Assert.Equal([error.Message], lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Letter_errors_echoing_the_key_are_redacted(bool chat)
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (_, _) => FakeReply.Json($"{{\"error\":{{\"message\":\"quota exceeded for {Key}\"}}}}", 400);
        var lines = new List<string>();
        using IEndpointModel model = chat ? OpenAICompatible.ChatLetterModel(Options(server, lines)) : OpenAICompatible.CompletionsModel(Options(server, lines));

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));

        Assert.EndsWith("rejected the request with HTTP 400: {\"error\":{\"message\":\"quota exceeded for [REDACTED]\"}}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, string.Concat(lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_text_echoing_the_key_reaches_neither_the_caller_nor_the_cache()
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (_, _) => FakeReply.Json(
            $"{{\"choices\":[{{\"index\":0,\"message\":{{\"role\":\"assistant\",\"content\":\"The key is {Key}. Answer: C\"}}}}]}}");
        var lines = new List<string>();
        var options = Options(server, lines);
        using var client = OpenAICompatible.CreateChatClient(options);

        var response = await client.GetResponseAsync("Which letter?");

        Assert.Equal("The key is [REDACTED]. Answer: C", response.Text);
        Assert.DoesNotContain(Key, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(options.CachePath!)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_echoing_the_key_are_redacted_in_the_letterless_stop_line()
    {
        await using var server = await FakeServer.StartAsync();
        server.Rewrite = (_, _, token, logprob) => (token.Trim().Length == 1 ? token.ToLowerInvariant() + Key : token, JsonValue.Create(logprob));
        var lines = new List<string>();
        using var model = OpenAICompatible.CompletionsModel(Options(server, lines));

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(10)));

        Assert.Contains("\"a[REDACTED]\"", error.Message.Replace("…", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Key[..12], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_placeholder_key_is_masked_in_messages_but_left_in_answers()
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (body, _) => body.Contains("0.5", StringComparison.Ordinal)
            ? FakeReply.Json("{\"error\":{\"message\":\"key EMPTY refused\"}}", 403)
            : FakeReply.Json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"The set is EMPTY. Answer: B\"}}]}");
        using var client = OpenAICompatible.CreateChatClient(Options(server, [], "EMPTY"));

        var response = await client.GetResponseAsync("Which letter?");
        var error = await Assert.ThrowsAsync<EndpointException>(() => client.GetResponseAsync("Which letter?", new ChatOptions { Temperature = 0.5f }));

        Assert.Equal("The set is EMPTY. Answer: B", response.Text);
        Assert.Contains("key [REDACTED] refused", error.Message, StringComparison.Ordinal);
    }
}
