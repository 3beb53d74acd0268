using System.Text.Json;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>One end-to-end <c>mmlu run</c> per benchmark on the tiniest model, a few questions each.</summary>
public class CmmluMmluProRunTests
{
    private static readonly string Model = SharedData.Model("stories260K.gguf");

    [Fact]
    public async Task Cmmlu_runs_five_shot_and_groups_subjects_by_the_authors_categories()
    {
        var folder = Cli.TempFolder("cmmlu");
        var result = await Cli.RunAsync(
            "run", "--benchmark", "cmmlu", "--data", SharedData.Dataset("cmmlu"), "--model", Model,
            "--subjects", "agronomy,chinese_history", "--limit", "3", "--shots", "5", "--out", folder);

        Assert.True(result.ExitCode == 0, result.Output);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var root = doc.RootElement;
        Assert.Equal("cmmlu", root.GetProperty("benchmark").GetString());
        Assert.Equal(6, root.GetProperty("overall").GetProperty("n").GetInt32());
        Assert.Equal("Other", root.GetProperty("subjects").GetProperty("agronomy").GetProperty("category").GetString());
        Assert.Equal("Humanities", root.GetProperty("subjects").GetProperty("chinese_history").GetProperty("category").GetString());
        Assert.Equal(["Humanities", "Other"], root.GetProperty("categories").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("China specific", root.GetProperty("analysis").GetRawText(), StringComparison.Ordinal);

        using var sample = JsonDocument.Parse(File.ReadLines(Path.Combine(folder, "samples.jsonl")).First());
        Assert.Equal(["A", "B", "C", "D"], sample.RootElement.GetProperty("logprobs").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Mmlu_pro_runs_in_the_letter_style_over_each_questions_options_and_names_the_bad_row()
    {
        var folder = Cli.TempFolder("mmlu-pro");
        var result = await Cli.RunAsync(
            "run", "--benchmark", "mmlu-pro", "--data", SharedData.Dataset("mmlu-pro"), "--model", Model, "--style", "letter",
            "--subjects", "biology,computer_science", "--limit", "3", "--shots", "5", "--out", folder);

        Assert.True(result.ExitCode == 0, result.Output);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var root = doc.RootElement;
        Assert.Equal("mmlu-pro", root.GetProperty("benchmark").GetString());
        Assert.Equal(6, root.GetProperty("overall").GetProperty("n").GetInt32());
        Assert.Equal(["biology", "computer science"], root.GetProperty("categories").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("question_id 3983", root.GetProperty("analysis").GetRawText(), StringComparison.Ordinal);

        var samples = File.ReadAllLines(Path.Combine(folder, "samples.jsonl"));
        Assert.Equal(6, samples.Length);
        using var sample = JsonDocument.Parse(samples[0]);
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "H"], sample.RootElement.GetProperty("logprobs").EnumerateObject().Select(p => p.Name));
    }
}
