using System.Text.Json;
using MmluSharp.OpenAI.Tests;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>Issue 9 from the command line: MMLU-Pro's extraction and stop strings, and the harness shots on dev.</summary>
public class MmluProCliTests
{
    private static string[] Generate(FakeServer server, string folder, params string[] extra) =>
        ["run", "--benchmark", "mmlu-pro", "--data", SharedData.Dataset("mmlu-pro"), "--endpoint", server.BaseUrl.ToString(),
         "--model", "fake-model", "--scoring", "generate", "--subjects", "law", "--limit", "2", "--out", folder, .. extra];

    [Fact]
    public async Task Mmlu_pro_generation_reads_answers_the_tiger_way_stops_at_question_and_records_it()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        var folder = Cli.TempFolder("pro-generate");

        var result = await Cli.RunAsync(Generate(server, folder));

        Assert.True(result.ExitCode == 0, result.Output);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        Assert.Equal("tiger", doc.RootElement.GetProperty("run").GetProperty("extraction").GetString());
        Assert.Equal("cot", doc.RootElement.GetProperty("style").GetString());
        var endpoint = doc.RootElement.GetProperty("model").GetProperty("endpoint");
        Assert.Equal(("2048", "[\"Question:\"]"), (endpoint.GetProperty("max_tokens").GetString(), endpoint.GetProperty("stop").GetString()));
        Assert.All(server.HitsByBody.Keys, body => Assert.Contains("\"stop\":[\"Question:\"]", body, StringComparison.Ordinal));
        Assert.All(File.ReadAllLines(Path.Combine(folder, "samples.jsonl")), line => Assert.Contains("\"extraction\":\"last-letter\"", line, StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json")));
        Assert.Equal("tiger", manifest.RootElement.GetProperty("settings").GetProperty("extract").GetString());
    }

    [Fact]
    public async Task A_run_is_not_resumed_with_another_extractor()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        var folder = Cli.TempFolder("pro-extract");
        Assert.Equal(0, (await Cli.RunAsync(Generate(server, folder, "--limit", "1"))).ExitCode);

        var result = await Cli.RunAsync(Generate(server, folder, "--extract", "last"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("extract tiger → last", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--extract", "first", "--extract must be one of last, tiger, not 'first'.")]
    [InlineData("--extract", "tiger", "--extract reads letters from generated answers: it needs --scoring generate.")]
    public void Extract_is_checked_before_anything_runs(string option, string value, string message)
    {
        var result = Cli.Run("run", "--model", SharedData.Model("stories260K.gguf"), "--data", SharedData.Mmlu, option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Harness_prompts_on_dev_refuse_five_shots_in_one_line_and_give_four()
    {
        var refused = Cli.Run("prompts", "--data", SharedData.Mmlu, "--style", "harness", "--split", "dev", "--shots", "5", "--subjects", "anatomy");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(
            "error: --shots 5 with --split dev: lm-eval's first_n sampler leaves each question out of its own examples, so it needs 6 dev rows of anatomy and there are 5; use --shots 4 or fewer.",
            refused.Output.Trim());

        var file = Path.Combine(Cli.TempFolder("dev-prompts"), "prompts.jsonl");
        var four = Cli.Run("prompts", "--data", SharedData.Mmlu, "--style", "harness", "--split", "dev", "--shots", "4", "--subjects", "anatomy", "--out", file);
        Assert.Equal(0, four.ExitCode);
        Assert.All(File.ReadAllLines(file), line => Assert.Contains("\"shots\":4", line, StringComparison.Ordinal));
    }
}
