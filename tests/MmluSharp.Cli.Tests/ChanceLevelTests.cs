using System.Globalization;
using System.Text.Json;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class ChanceLevelTests
{
    [Fact]
    public async Task An_mmlu_pro_run_states_its_real_chance_level_in_the_summary_and_both_reports()
    {
        var folder = Cli.TempFolder("chance");
        var result = await Cli.RunAsync(
            "run", "--benchmark", "mmlu-pro", "--data", SharedData.Dataset("mmlu-pro"), "--model", SharedData.Model("llama-2-tiny-random.gguf"),
            "--style", "letter", "--subjects", "biology,law", "--limit", "6", "--shots", "0", "--out", folder);
        Assert.True(result.ExitCode == 0, result.Output);

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
        Assert.Contains($"Chance is {shown} (the mean of 1/options over the questions scored).", result.Output, StringComparison.Ordinal);
        Assert.Contains($"Sorted by accuracy, best first. Chance is {shown}.", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains($"chance {shown}</text>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("25%", html, StringComparison.Ordinal);
    }
}
