using System.Text.Json;
using MmluSharp.Cli.Terminal;
using MmluSharp.OpenAI.Tests;
using MmluSharp.Results;
using MmluSharp.Running;
using MmluSharp.Testing;
using Spectre.Console.Testing;

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
        Assert.DoesNotContain("unparsed", result.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        Assert.Equal("tiger", doc.RootElement.GetProperty("run").GetProperty("extraction").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("overall").GetProperty("unparsed").GetInt32());
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

    [Theory]
    [InlineData("tiger", "unparsed: 1 of 2 answers held no letter (scored by TIGER-Lab's random guess).")]
    [InlineData("last", "unparsed: 1 of 2 answers held no letter (counted wrong).")]
    public void The_end_of_run_summary_counts_answers_without_a_letter_and_says_how_they_were_scored(string extractor, string line)
    {
        // TIGER's guess for ten options is G (random.seed(12345); randint(0, 9) == 6), here the gold answer.
        var guessed = extractor == "tiger";
        List<Sample> samples =
        [
            new("law", 0, "A", "A", true, new Dictionary<string, double>(), 5, "", "the answer is (A)", guessed ? "answer-is" : "answer-cue"),
            new("law", 1, "G", guessed ? "G" : "", guessed, new Dictionary<string, double>(), 5, "", "no idea", guessed ? Sample.GuessRule : "none"),
        ];
        var description = new RunDescription("mmlu-pro", "test", 5, "cot", "generate", new ModelDescription("m", null, null, null),
            new RunProvenance("0.1.0", "cot", 2, "original", "mmlu run", DateTimeOffset.UnixEpoch, extractor));
        var results = Aggregator.Aggregate(samples, description, new TimingStats(1, 2, 0), MmluSharp.Benchmarks.MmluPro.MmluProCatalogue.Catalogue);
        var console = new TestConsole();

        ResultsSummary.Write(console, new RunOutcome(results, 0, 2, false), "runs/x");

        Assert.Contains(line, console.Output, StringComparison.Ordinal);
        Assert.Equal(guessed ? 1.0 : 0.5, results.Overall.Accuracy);
    }
}
