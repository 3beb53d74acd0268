using System.Text.Json;
using MmluSharp.Datasets;
using MmluSharp.Results;

namespace MmluSharp.Cli.Tests;

public class ReportCommandTests
{
    [Fact]
    public void Report_writes_markdown_html_and_the_lm_eval_export()
    {
        var folder = Cli.TempFolder("report");
        var results = ReportRuns.Write(folder, "tiny-model", shots: 5, questions: 10);
        string md = Path.Combine(folder, "r.md"), html = Path.Combine(folder, "out", "r.html"), lm = Path.Combine(folder, "lm.json");

        var result = Cli.Run("report", results, "--md", md, "--html", html, "--format", "lm-eval", "--out", lm);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# MMLU report: tiny-model\n", File.ReadAllText(md), StringComparison.Ordinal);
        Assert.Contains("<svg ", File.ReadAllText(html), StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(lm));
        Assert.True(doc.RootElement.GetProperty("results").TryGetProperty("mmlu_anatomy", out _));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Report_without_outputs_prints_the_markdown()
    {
        var result = Cli.Run("report", ReportRuns.Write(Cli.TempFolder("report-print"), "printed", shots: 5, questions: 4));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("MMLU report: printed", result.Output, StringComparison.Ordinal);
        Assert.Contains("## Subjects", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_foreign_results_file_is_one_line_and_exit_code_2()
    {
        var folder = Cli.TempFolder("report-bad");
        var missing = Cli.Run("report", Path.Combine(folder, "nope.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.json", missing.Output, StringComparison.Ordinal);

        var foreign = Path.Combine(folder, "other.json");
        File.WriteAllText(foreign, "{\"schema\": \"something/else\"}");
        var bad = Cli.Run("report", foreign, "--md", Path.Combine(folder, "r.md"));
        Assert.Equal(2, bad.ExitCode);
        Assert.DoesNotContain("   at ", bad.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "r.md")));
    }

    [Fact]
    public void An_unknown_export_format_is_refused()
    {
        var result = Cli.Run("report", "results.json", "--format", "helm", "--out", "x.json");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--format must be one of markdown, html, lm-eval, not 'helm'.", result.Output, StringComparison.Ordinal);
    }
    [Fact]
    public void The_lm_eval_export_refuses_runs_of_other_benchmarks()
    {
        var root = Cli.TempFolder("lmeval-cmmlu");
        var path = ReportRuns.Write(Path.Combine(root, "a"), "m", shots: 5, questions: 4);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"benchmark\": \"mmlu\"", "\"benchmark\": \"cmmlu\"", StringComparison.Ordinal));
        var output = Path.Combine(root, "lm-eval.json");

        var result = Cli.Run("report", path, "--format", "lm-eval", "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("this run is cmmlu", result.Output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
    [Fact]
    public async Task Markdown_printed_to_a_pipe_is_not_wrapped_and_equals_the_file()
    {
        var root = Cli.TempFolder("pipe");
        var path = ReportRuns.Write(Path.Combine(root, "a"), "a-model-with-a-rather-long-name-to-widen-the-tables", shots: 5, questions: 4);
        var file = Path.Combine(root, "report.md");
        Assert.Equal(0, Cli.Run("report", path, "--md", file).ExitCode);

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), "report", path);

        Assert.Equal(0, exitCode);
        Assert.Equal(File.ReadAllText(file).TrimEnd(), output.ReplaceLineEndings("\n").TrimEnd());
    }
}

/// <summary>Writes run folders (results.json + samples.jsonl) for the report and compare commands.</summary>
internal static class ReportRuns
{
    private static readonly string[] Subjects = ["abstract_algebra", "anatomy", "philosophy", "sociology"];

    public static string Write(string folder, string model, int shots, int questions, int shift = 0, bool samples = true, string style = "original")
    {
        Directory.CreateDirectory(folder);
        var list = new List<Sample>();
        foreach (var (subject, j) in Subjects.Select((s, j) => (s, j)))
        {
            for (var i = 0; i < questions; i++)
            {
                // The gold answer belongs to the question; runs (shift) differ in which they get right.
                var gold = ((i * 7) + (j * 3)) % 10 < 4 + j ? "A" : "B";
                var right = ((i * 7) + (j * 3) + shift) % 10 < 4 + j;
                var pred = right ? gold : (gold == "A" ? "B" : "A");
                var logprobs = new Dictionary<string, double>(StringComparer.Ordinal) { [pred] = -0.5, [pred == "A" ? "B" : "A"] = -1.5, ["C"] = -2, ["D"] = -2.5 };
                list.Add(new Sample(subject, i, gold, pred, right, logprobs, shots, new string('0', 64)));
            }
        }

        var description = new RunDescription("mmlu", "test", shots, style, "letter", new ModelDescription(model, null, null, null),
            new RunProvenance("0.1.0", style, 1, "original", "mmlu run", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        var results = Aggregator.Aggregate(list, description, new TimingStats(1, list.Count, 1000), MmluCatalogue.For());
        var path = Path.Combine(folder, "results.json");
        ResultsJson.Write(results, path);
        if (samples)
        {
            SampleLog.Rewrite(Path.Combine(folder, "samples.jsonl"), list);
        }

        return path;
    }
}
