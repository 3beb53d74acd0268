using System.Text.Json.Nodes;
using MmluSharp.LlamaCpp;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>
/// <c>mmlu run</c> is a thin caller of the library's entry point: the same evaluation from C# (into a run folder or in
/// memory) and from the command line gives the same results, field by field, and the same samples.
/// </summary>
public class LibraryEqualsCliTests
{
    private static readonly string Model = SharedData.Model("llama-2-tiny-random.gguf");

    /// <summary>What says when and how a run was started, not what it measured.</summary>
    private static readonly string[] Incidental = ["timing", "run.date", "run.command_line"];

    [Theory]
    [InlineData("mmlu", "abstract_algebra,anatomy,astronomy")]
    [InlineData("cmmlu", "agronomy,anatomy,astronomy")]
    public async Task The_library_writes_the_results_and_samples_mmlu_run_writes(string benchmark, string subjects)
    {
        var data = benchmark == "mmlu" ? SharedData.Mmlu : SharedData.Dataset(benchmark);
        var cli = Cli.TempFolder("equal-cli");
        var library = Cli.TempFolder("equal-library");
        Assert.Equal(0, await MmluProcess.RunAsync(
            "run", "--model", Model, "--benchmark", benchmark, "--data", data, "--subjects", subjects, "--limit", "4", "--out", cli));

        var options = new EvaluationOptions { Benchmark = benchmark, Data = data, Subjects = subjects.Split(','), Limit = 4 };
        var inFolder = await LlamaCppModel.EvaluateAsync(Model, options with { OutputFolder = library });
        var inMemory = await LlamaCppModel.EvaluateAsync(Model, options);

        var expected = Json(File.ReadAllText(Path.Combine(cli, RunFolderFiles.Results)));
        AssertSameFields(expected, Json(File.ReadAllText(Path.Combine(library, RunFolderFiles.Results))));
        AssertSameFields(expected, Written(inFolder));
        AssertSameFields(expected, Written(inMemory));
        Assert.Equal(
            File.ReadAllText(Path.Combine(cli, RunFolderFiles.Samples)),
            File.ReadAllText(Path.Combine(library, RunFolderFiles.Samples)));

        // The benchmark's own catalogue, whichever path: CMMLU files anatomy under STEM, MMLU under other (health).
        Assert.Equal(benchmark == "cmmlu" ? "STEM" : "other", inMemory.Subjects["anatomy"].Category);
        Assert.Equal(12, inMemory.Overall.N);
    }

    /// <summary>The results as <c>results.json</c> holds them.</summary>
    private static JsonObject Written(Results.RunResults results)
    {
        var path = Path.Combine(Cli.TempFolder("written"), RunFolderFiles.Results);
        Results.ResultsJson.Write(results, path);
        return Json(File.ReadAllText(path));
    }

    private static JsonObject Json(string text)
    {
        var json = JsonNode.Parse(text)!.AsObject();
        foreach (var path in Incidental)
        {
            var parts = path.Split('.');
            var parent = parts.Length == 1 ? json : json[parts[0]]!.AsObject();
            parent.Remove(parts[^1]);
        }

        return json;
    }

    /// <summary>Every field of <paramref name="expected"/> in <paramref name="actual"/>, and no other, named when it differs.</summary>
    private static void AssertSameFields(JsonObject expected, JsonObject actual)
    {
        Assert.Equal(expected.Select(p => p.Key), actual.Select(p => p.Key));
        foreach (var (name, value) in expected)
        {
            Assert.True(JsonNode.DeepEquals(value, actual[name]), $"{name}: {value?.ToJsonString()} ≠ {actual[name]?.ToJsonString()}");
        }
    }
}
