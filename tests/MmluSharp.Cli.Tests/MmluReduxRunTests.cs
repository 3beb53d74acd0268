using System.Text.Json;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class MmluReduxRunTests
{
    [Fact]
    public async Task Run_on_mmlu_redux_writes_the_annotation_views_into_results()
    {
        var folder = Cli.TempFolder("redux");
        var result = await Cli.RunAsync("run", "--benchmark", "mmlu-redux", "--data", SharedData.Dataset("mmlu-redux"),
            "--model", SharedData.Model("llama-2-tiny-random.gguf"), "--subjects", "anatomy,virology", "--limit", "5",
            "--shots", "0", "--out", folder);

        Assert.True(result.ExitCode == 0, result.Output);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var root = doc.RootElement;
        Assert.Equal(10, root.GetProperty("overall").GetProperty("n").GetInt32());
        var analysis = root.GetProperty("analysis");
        Assert.Equal("MMLU-Redux annotations", analysis.GetProperty("title").GetString());
        var views = analysis.GetProperty("accuracy");
        Assert.Equal(["all", "ok only", "corrected"], views.EnumerateObject().Select(p => p.Name));
        Assert.Equal(10, views.GetProperty("all").GetProperty("n").GetInt32());
        var counts = analysis.GetProperty("counts");
        Assert.Equal(10, counts.EnumerateObject().Where(p => p.Name.StartsWith("error type: ", StringComparison.Ordinal)).Sum(p => p.Value.GetInt64()));
        Assert.Equal(counts.GetProperty("error type: ok").GetInt64(), views.GetProperty("ok only").GetProperty("n").GetInt64());
        Assert.Contains("MMLU-Redux annotations", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
    }
}
