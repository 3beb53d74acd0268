using System.Globalization;
using System.Text.Json;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>What a finished zero-shot run on the tiny GGUF tells: its chance level, its lm-eval export.</summary>
public class RunReportingTests
{
    [Fact]
    public async Task An_mmlu_pro_run_states_its_real_chance_level_in_the_summary_and_both_reports()
    {
        var (folder, output) = await RunAsync(
            "chance", "--benchmark", "mmlu-pro", "--data", SharedData.Dataset("mmlu-pro"), "--style", "letter", "--subjects", "biology,law", "--limit", "6");

        // The mean of 1/options over the questions scored, each question's options counted from its log-probabilities.
        var options = new List<int>();
        foreach (var line in File.ReadAllLines(Path.Combine(folder, "samples.jsonl")))
        {
            using var sample = JsonDocument.Parse(line);
            options.Add(sample.RootElement.GetProperty("logprobs").EnumerateObject().Count());
        }

        var chance = options.Average(n => 1.0 / n);
        Assert.Contains(options, n => n != 4);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        Assert.Equal(chance, results.RootElement.GetProperty("overall").GetProperty("chance").GetDouble(), 12);

        var shown = (100 * chance).ToString("0.#", CultureInfo.InvariantCulture) + "%";
        Assert.Contains($"Chance is {shown} (the mean of 1/options over the questions scored).", output, StringComparison.Ordinal);
        Assert.Contains($"Sorted by accuracy, best first. Chance is {shown}.", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains($"chance {shown}</text>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("25%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_limited_run_exports_each_subjects_size_as_original_the_limit_and_the_gguf_header()
    {
        var (folder, _) = await RunAsync("lmeval-limit", "--data", SharedData.Mmlu, "--subjects", "abstract_algebra,anatomy", "--limit", "3");
        var export = Path.Combine(folder, "lm-eval.json");

        var report = Cli.Run("report", Path.Combine(folder, "results.json"), "--format", "lm-eval", "--out", export);

        Assert.True(report.ExitCode == 0, report.Output);
        using var doc = JsonDocument.Parse(File.ReadAllText(export));
        var root = doc.RootElement;
        var samples = root.GetProperty("n-samples");
        Assert.Equal(100, samples.GetProperty("mmlu_abstract_algebra").GetProperty("original").GetInt32());
        Assert.Equal(135, samples.GetProperty("mmlu_anatomy").GetProperty("original").GetInt32());
        Assert.Equal(3, samples.GetProperty("mmlu_anatomy").GetProperty("effective").GetInt32());
        var config = root.GetProperty("config");
        Assert.Equal("3.0", config.GetProperty("limit").GetRawText());
        Assert.Equal(513_048, config.GetProperty("model_num_parameters").GetInt64());
        Assert.Equal("F16", config.GetProperty("model_dtype").GetString());
        Assert.Equal(
            "The following are multiple choice questions (with answers) about  anatomy.\n\n",
            root.GetProperty("configs").GetProperty("mmlu_anatomy").GetProperty("description").GetString());
    }

    /// <summary>Runs <c>mmlu run</c> zero-shot on the tiny GGUF into a new folder; returns the folder and the output.</summary>
    private static async Task<(string Folder, string Output)> RunAsync(string name, params string[] args)
    {
        var folder = Cli.TempFolder(name);
        var result = await Cli.RunAsync(
            ["run", "--model", SharedData.Model("llama-2-tiny-random.gguf"), "--shots", "0", "--out", folder, .. args]);
        Assert.True(result.ExitCode == 0, result.Output);
        return (folder, result.Output);
    }
}
