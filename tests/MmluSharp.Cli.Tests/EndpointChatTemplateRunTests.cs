using System.Text.Json;
using MmluSharp.OpenAI.Tests;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>
/// <c>--chat-template FILE</c> against <c>/v1/completions</c> on a loopback server: the template is rendered here and the
/// server receives exactly the golden text, for letter scoring and for generation.
/// </summary>
public sealed class EndpointChatTemplateRunTests
{
    private static string[] Args(FakeServer server, string folder, string scoring, params string[] extra) =>
        ["run", "--endpoint", server.BaseUrl.ToString(), "--model", "fake-model", "--scoring", scoring, "--data", SharedData.Mmlu,
         "--subjects", "abstract_algebra", "--limit", "1", "--shots", "5", "--style", "harness", "--out", folder, "--retries", "1",
         "--chat-template", ChatTemplateRunTests.ChatGolden("turns.jinja"), .. extra];

    [Fact]
    public async Task Letter_scoring_sends_the_golden_rendering_to_completions_and_reads_the_letter_after_the_assistant_opening()
    {
        await using var server = await FakeServer.StartAsync();
        var folder = Cli.TempFolder("ep-chat-letter");

        var result = await Cli.RunAsync(Args(server, folder, "letter"));

        Assert.Equal(0, result.ExitCode);
        using var body = JsonDocument.Parse(Assert.Single(server.HitsByBody.Keys));
        Assert.Equal(File.ReadAllText(ChatTemplateRunTests.ChatGolden("5shot.txt")), body.RootElement.GetProperty("prompt").GetString());
        Assert.False(body.RootElement.TryGetProperty("messages", out _));

        // The server lists bare letters (what follows "<|assistant|>\n") beside spaced ones; the bare ones are scored.
        using var sample = JsonDocument.Parse(File.ReadAllLines(Path.Combine(folder, "samples.jsonl")).Single());
        var expected = FakeServer.LetterLogprobs(body.RootElement.GetProperty("prompt").GetString()!);
        var logprobs = sample.RootElement.GetProperty("logprobs");
        Assert.NotEqual(expected[0], logprobs.GetProperty("A").GetDouble());
        Assert.Equal(expected[0] + 0.1, logprobs.GetProperty("A").GetDouble(), 9);
    }

    [Fact]
    public async Task Generation_with_a_template_posts_the_golden_multiturn_rendering_to_completions_not_chat()
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (_, _) => FakeReply.Json("""{"choices":[{"index":0,"text":"The answer is (B).","finish_reason":"stop"}],"usage":{"prompt_tokens":90,"completion_tokens":6}}""");
        var folder = Cli.TempFolder("ep-chat-gen");

        var result = await Cli.RunAsync(Args(server, folder, "generate", "--fewshot-as-multiturn", "--max-tokens", "40"));

        Assert.Equal(0, result.ExitCode);
        using var body = JsonDocument.Parse(Assert.Single(server.HitsByBody.Keys));
        Assert.Equal(File.ReadAllText(ChatTemplateRunTests.ChatGolden("5shot-multiturn.txt")), body.RootElement.GetProperty("prompt").GetString());
        Assert.Equal(40, body.RootElement.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0, body.RootElement.GetProperty("temperature").GetDouble());
        using var sample = JsonDocument.Parse(File.ReadAllLines(Path.Combine(folder, "samples.jsonl")).Single());
        Assert.Equal("The answer is (B).", sample.RootElement.GetProperty("response").GetString());
        Assert.Equal("B", sample.RootElement.GetProperty("pred").GetString());
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        Assert.Equal("completions", results.RootElement.GetProperty("model").GetProperty("endpoint").GetProperty("api").GetString());
        Assert.True(results.RootElement.GetProperty("run").GetProperty("chat").GetProperty("fewshot_as_multiturn").GetBoolean());
    }
}
