using System.Text.Json;
using MmluSharp.OpenAI.Tests;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class EndpointRunTests
{
    private static string[] RunArgs(FakeServer server, string folder, string scoring = "letter", params string[] extra) =>
        ["run", "--endpoint", server.BaseUrl.ToString(), "--model", "fake-model", "--scoring", scoring,
         "--data", SharedData.Mmlu, "--subjects", "anatomy,virology", "--limit", "4", "--shots", "5", "--out", folder, .. extra];

    [Fact]
    public async Task Letter_scoring_over_completions_writes_results_naming_endpoint_and_parameters_but_never_the_key()
    {
        await using var server = await FakeServer.StartAsync();
        server.RequiredKey = "sk-test-secret-4242";
        Environment.SetEnvironmentVariable("MMLU_TEST_KEY_1", "sk-test-secret-4242");
        var folder = Cli.TempFolder("endpoint");

        var result = await Cli.RunAsync(RunArgs(server, folder, "letter", "--api-key-env", "MMLU_TEST_KEY_1"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(8, server.Hits);
        var text = File.ReadAllText(Path.Combine(folder, "results.json"));
        using var doc = JsonDocument.Parse(text);
        var model = doc.RootElement.GetProperty("model");
        Assert.Equal("fake-model", model.GetProperty("name").GetString());
        Assert.Equal("completions", model.GetProperty("endpoint").GetProperty("api").GetString());
        Assert.Equal("20", model.GetProperty("endpoint").GetProperty("logprobs").GetString());
        Assert.Equal(8, doc.RootElement.GetProperty("api").GetProperty("requests").GetInt64());
        Assert.Equal("letter", doc.RootElement.GetProperty("scoring").GetString());
        foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".sqlite", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("sk-test-secret-4242", File.ReadAllText(file), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("sk-test-secret-4242", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rerun_on_the_same_cache_sends_no_request_twice()
    {
        await using var server = await FakeServer.StartAsync();
        var first = Cli.TempFolder("cache1");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(server, first))).ExitCode);
        var hits = server.Hits;

        var second = Cli.TempFolder("cache2");
        var result = await Cli.RunAsync(RunArgs(server, second, "letter", "--cache", Path.Combine(first, "responses.sqlite")));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(hits, server.Hits);
        Assert.Equal(File.ReadAllText(Path.Combine(first, "samples.jsonl")), File.ReadAllText(Path.Combine(second, "samples.jsonl")));
    }

    [Fact]
    public async Task A_server_without_log_probabilities_stops_the_run_with_a_clear_message()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.None;
        var folder = Cli.TempFolder("nologprobs");

        var result = await Cli.RunAsync(RunArgs(server, folder));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("returned no log-probabilities", result.Output, StringComparison.Ordinal);
        Assert.Contains(server.BaseUrl.Authority, result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "results.json")));
    }

    [Fact]
    public async Task Chat_letter_and_generate_scoring_run_against_chat_completions()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        var chat = Cli.TempFolder("chatletter");
        var generate = Cli.TempFolder("generate");

        Assert.Equal(0, (await Cli.RunAsync(RunArgs(server, chat, "chat-letter"))).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(server, generate, "generate"))).ExitCode);

        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(generate, "results.json")));
        Assert.Equal("generate", results.RootElement.GetProperty("scoring").GetString());
        Assert.Equal(8, results.RootElement.GetProperty("overall").GetProperty("n").GetInt32());
        var sample = File.ReadLines(Path.Combine(generate, "samples.jsonl")).First();
        Assert.Contains("\"response\":", sample, StringComparison.Ordinal);
        Assert.Contains("\"extraction\":", sample, StringComparison.Ordinal);
        using var chatResults = JsonDocument.Parse(File.ReadAllText(Path.Combine(chat, "results.json")));
        Assert.Equal("chat/completions", chatResults.RootElement.GetProperty("model").GetProperty("endpoint").GetProperty("api").GetString());
    }

    [Fact]
    public void Chat_letter_scoring_needs_an_endpoint()
    {
        // A local GGUF scores letters or generates (LocalGenerateRunTests); only chat-letter needs a server.
        var result = Cli.Run("run", "--model", SharedData.Model("stories260K.gguf"), "--data", SharedData.Mmlu, "--scoring", "chat-letter");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("needs --endpoint", result.Output, StringComparison.Ordinal);
    }
}
