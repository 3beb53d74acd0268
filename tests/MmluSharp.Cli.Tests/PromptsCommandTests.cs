using System.Text.Json;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class PromptsCommandTests
{
    [Fact]
    public void Prompts_writes_one_json_line_per_question_in_subject_then_file_order()
    {
        var output = Path.Combine(Cli.TempFolder("prompts"), "prompts.jsonl");
        var result = Cli.Run("prompts", "--data", SharedData.Mmlu, "--split", "test", "--shots", "5",
            "--style", "harness", "--subjects", "virology,anatomy", "--limit", "3", "--out", output);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal(6, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal(["subject", "split", "index", "shots", "style", "prompt", "answer"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("anatomy", root.GetProperty("subject").GetString());
        Assert.Equal(0, root.GetProperty("index").GetInt32());
        Assert.Equal(5, root.GetProperty("shots").GetInt32());
        Assert.Equal("harness", root.GetProperty("style").GetString());
        Assert.StartsWith("The following are multiple choice questions (with answers) about anatomy.\n\n", root.GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.Equal("A", root.GetProperty("answer").GetString());
        using var last = JsonDocument.Parse(lines[5]);
        Assert.Equal("virology", last.RootElement.GetProperty("subject").GetString());
        Assert.Equal(2, last.RootElement.GetProperty("index").GetInt32());
    }

    [Fact]
    public void Prompts_for_all_14042_test_questions_five_shot_are_written()
    {
        var output = Path.Combine(Cli.TempFolder("prompts-all"), "prompts.jsonl");
        var result = Cli.Run("prompts", "--data", SharedData.Mmlu, "--split", "test", "--shots", "5", "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(14042, File.ReadLines(output).Count());
        Assert.Contains("Wrote 14042 prompts", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_folder_is_one_line_and_exit_code_2()
    {
        var result = Cli.Run("prompts", "--data", "/nonexistent/mmlu", "--out", Path.Combine(Cli.TempFolder("missing"), "p.jsonl"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/mmlu", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_csv_names_file_and_line_and_leaves_no_output_file()
    {
        var data = Cli.TempFolder("bad");
        Directory.CreateDirectory(Path.Combine(data, "test"));
        File.WriteAllText(Path.Combine(data, "test", "anatomy_test.csv"), "Q1,a,b,c,d,A\nQ2,a,b,c,d,E\n");
        var output = Path.Combine(data, "p.jsonl");

        var result = Cli.Run("prompts", "--data", data, "--shots", "0", "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("anatomy_test.csv:2", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.False(File.Exists(output + ".tmp"));
    }

    [Fact]
    public void An_unknown_style_is_refused_with_the_valid_names()
    {
        var result = Cli.Run("prompts", "--data", SharedData.Mmlu, "--style", "helm");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("original, harness", result.Output, StringComparison.Ordinal);
    }
}
