using System.Globalization;
using MmluSharp.Benchmarks;
using MmluSharp.LlamaCpp;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>
/// A benchmark of one's own, from CSV files and a JSON spec written here: registered from C# and evaluated by name, and
/// evaluated by <c>mmlu run --benchmark spec.json</c>, with the same results; its prompts, categories and title are the
/// spec's.
/// </summary>
public class CustomBenchmarkTests
{
    private static readonly string Model = SharedData.Model("llama-2-tiny-random.gguf");

    /// <summary>Writes a spec and its data: two subjects, three options per question, one of them categorised.</summary>
    private static string WriteSpec(string name)
    {
        var folder = Cli.TempFolder("custom");
        foreach (var (split, rows) in new[] { ("test", 4), ("dev", 2) })
        {
            Directory.CreateDirectory(Path.Combine(folder, "data", split));
            foreach (var subject in new[] { "europe", "asia" })
            {
                var lines = Enumerable.Range(0, rows).Select(i => string.Create(
                    CultureInfo.InvariantCulture, $"\"What is the capital of {subject} country {i}, \"\"{split}\"\"?\",City {i}a,City {i}b,City {i}c,{"ABC"[i % 3]}\n"));
                File.WriteAllText(Path.Combine(folder, "data", split, $"{subject}_{split}.csv"), string.Concat(lines));
            }
        }

        var spec = Path.Combine(folder, "capitals.json");
        File.WriteAllText(spec, $$"""
            {
              "name": "{{name}}",
              "title": "World capitals",
              "data": "data",
              "header": "Capitals of {subject}.\n\n",
              "categories": { "europe": "geography" }
            }
            """);
        return spec;
    }

    [Fact]
    public async Task A_csv_benchmark_registered_from_csharp_and_named_on_the_command_line_gives_the_same_results()
    {
        var name = "capitals-" + Guid.NewGuid().ToString("N")[..8];
        var spec = WriteSpec(name);

        BenchmarkRegistry.Default.Register(CsvBenchmark.Load(spec));
        var library = Cli.TempFolder("custom-library");
        var results = await LlamaCppModel.EvaluateAsync(Model, new EvaluationOptions { Benchmark = name, Shots = 2, OutputFolder = library });

        Assert.Equal(name, results.Benchmark);
        Assert.Equal(8, results.Overall.N);
        Assert.Equal(1.0 / 3, results.Overall.Chance!.Value, 12);
        Assert.Equal(["geography", "other"], results.Categories.Keys);
        Assert.Equal("geography", results.Subjects["europe"].Category);
        Assert.All(results.Subjects.Values, s => Assert.Equal(4, s.N));
        var sample = File.ReadLines(Path.Combine(library, RunFolderFiles.Samples)).First();
        Assert.Contains("\"logprobs\":{\"A\":", sample, StringComparison.Ordinal);
        Assert.DoesNotContain("\"D\":", sample, StringComparison.Ordinal);
        Assert.StartsWith("# World capitals report: llama-2-tiny-random", File.ReadAllText(Path.Combine(library, "report.md")), StringComparison.Ordinal);

        var cli = Cli.TempFolder("custom-cli");
        Assert.Equal(0, await MmluProcess.RunAsync("run", "--model", Model, "--benchmark", spec, "--shots", "2", "--out", cli));
        Assert.Equal(
            File.ReadAllText(Path.Combine(library, RunFolderFiles.Samples)),
            File.ReadAllText(Path.Combine(cli, RunFolderFiles.Samples)));
        var written = Results.ResultsJson.Read(Path.Combine(cli, RunFolderFiles.Results));
        Assert.Equal(results.Overall, written.Overall with { Ci95 = results.Overall.Ci95 });
        Assert.Equal(results.Subjects, written.Subjects);
    }

    [Fact]
    public void The_prompts_of_a_spec_use_its_header_and_mmlu_s_question_format()
    {
        var spec = WriteSpec("capitals-prompts-" + Guid.NewGuid().ToString("N")[..8]);
        var output = Path.Combine(Cli.TempFolder("custom-prompts"), "prompts.jsonl");

        var result = Cli.Run("prompts", "--benchmark", spec, "--shots", "1", "--subjects", "asia", "--limit", "1", "--out", output);

        Assert.Equal(0, result.ExitCode);
        using var line = System.Text.Json.JsonDocument.Parse(File.ReadLines(output).Single());
        Assert.Equal(
            "Capitals of asia.\n\nWhat is the capital of asia country 0, \"dev\"?\nA. City 0a\nB. City 0b\nC. City 0c\nAnswer: A\n\n"
            + "What is the capital of asia country 0, \"test\"?\nA. City 0a\nB. City 0b\nC. City 0c\nAnswer:",
            line.RootElement.GetProperty("prompt").GetString());
    }

    [Theory]
    [InlineData("{\"data\": \"data\"}", "\"name\" must be given")]
    [InlineData("{\"name\": \"x\"}", "\"data\" must name the data folder")]
    [InlineData("{\"name\": ", "not a benchmark spec")]
    public void A_bad_spec_is_one_line_naming_the_file(string json, string problem)
    {
        var spec = Path.Combine(Cli.TempFolder("bad-spec"), "bad.json");
        File.WriteAllText(spec, json);

        var result = Cli.Run("prompts", "--benchmark", spec);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Output.Trim().Split('\n'));
        Assert.StartsWith($"error: {spec}", line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
    }
}
