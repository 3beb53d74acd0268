using System.Text.Json;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary><c>mmlu run --model X.gguf --scoring generate</c>: MMLU-Pro chain of thought generated in-process by llama.cpp.</summary>
public sealed class LocalGenerateRunTests
{
    private static string[] Args(string folder, string subjects = "biology,law", string limit = "2", string maxTokens = "32", params string[] extra) =>
        ["run", "--model", SharedData.Model("stories260K.gguf"), "--benchmark", "mmlu-pro", "--data", SharedData.Dataset("mmlu-pro"),
         "--style", "cot", "--scoring", "generate", "--shots", "5", "--subjects", subjects, "--limit", limit, "--max-tokens", maxTokens,
         "--out", folder, .. extra];

    [Fact]
    public async Task Cot_on_a_local_gguf_writes_the_replies_and_reports_accuracy_and_unparsed_and_the_same_command_gives_the_same_samples()
    {
        var first = Cli.TempFolder("gen1");
        var second = Cli.TempFolder("gen2");

        var result = await Cli.RunAsync(Args(first));
        Assert.Equal(0, (await Cli.RunAsync(Args(second))).ExitCode);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("overall (micro)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("calibration", result.Output, StringComparison.Ordinal);
        var report = File.ReadAllText(Path.Combine(first, "report.md"));
        Assert.Contains("there is nothing to calibrate", report, StringComparison.Ordinal);
        Assert.DoesNotContain("ECE", report, StringComparison.Ordinal);
        var samples = File.ReadAllLines(Path.Combine(first, "samples.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, samples.Count);
        Assert.All(samples, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("response").GetString())));
        Assert.All(samples, s => Assert.Contains(s.GetProperty("response").GetString()!, c => char.IsLetter(c)));
        var unparsed = samples.Count(s => s.GetProperty("extraction").GetString() is "guess" or "none");

        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(first, "results.json")));
        var root = results.RootElement;
        Assert.Equal("generate", root.GetProperty("scoring").GetString());
        Assert.Equal(4, root.GetProperty("overall").GetProperty("n").GetInt32());
        Assert.Equal(unparsed, root.GetProperty("overall").GetProperty("unparsed").GetInt32());
        Assert.Equal(samples.Count(s => s.GetProperty("correct").GetBoolean()) / 4.0, root.GetProperty("overall").GetProperty("accuracy").GetDouble());
        var generation = root.GetProperty("run").GetProperty("generation");
        Assert.Equal(32, generation.GetProperty("max_tokens").GetInt32());
        Assert.Equal("Question:", generation.GetProperty("until")[0].GetString());
        if (unparsed > 0)
        {
            Assert.Contains($"unparsed: {unparsed} of 4", result.Output, StringComparison.Ordinal);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(first, "samples.jsonl")), File.ReadAllText(Path.Combine(second, "samples.jsonl")));
    }

    [Fact]
    public async Task A_generating_run_killed_mid_way_resumes_to_the_samples_of_an_uninterrupted_run()
    {
        // The uninterrupted run decodes all 9 questions side by side; the killed one 2 at a time (so it is killed with
        // some written), then resumes with the rest side by side: replies do not depend on their neighbours.
        const string subjects = "biology,business,chemistry";
        var whole = Cli.TempFolder("gen-whole");
        Assert.Equal(0, await MmluProcess.RunAsync(Args(whole, subjects, "3")));

        var killed = Cli.TempFolder("gen-killed");
        var samples = Path.Combine(killed, "samples.jsonl");
        await MmluProcess.KillOnceAsync(samples, 2, Args(killed, subjects, "3", "32", "--parallel", "2"));

        Assert.InRange(File.ReadAllLines(samples).Length, 2, 8);
        Assert.Equal(0, await MmluProcess.RunAsync(Args(killed, subjects, "3")));
        Assert.Equal(
            File.ReadAllLines(Path.Combine(whole, "samples.jsonl")).Order(StringComparer.Ordinal),
            File.ReadAllLines(samples).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Resuming_with_another_length_is_refused_naming_it()
    {
        var folder = Cli.TempFolder("gen-len");
        Assert.Equal(0, (await Cli.RunAsync(Args(folder, "biology", "1"))).ExitCode);

        var result = await Cli.RunAsync(Args(folder, "biology", "1", "16"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("max_tokens 32 → 16", result.Output, StringComparison.Ordinal);
    }
}
