using System.Text.Json;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class LmEvalExportRunTests
{
    [Fact]
    public async Task A_limited_run_exports_each_subjects_size_as_original_the_limit_and_the_gguf_header()
    {
        var folder = Cli.TempFolder("lmeval-limit");
        var run = await Cli.RunAsync(
            "run", "--model", SharedData.Model("llama-2-tiny-random.gguf"), "--data", SharedData.Mmlu,
            "--subjects", "abstract_algebra,anatomy", "--limit", "3", "--shots", "0", "--out", folder);
        Assert.True(run.ExitCode == 0, run.Output);
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
}
