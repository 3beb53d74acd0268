using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class MergeCommandTests
{
    private static string[] RunArgs(string folder, params string[] extra) =>
        ["run", "--model", SharedData.Model("llama-2-tiny-random.gguf"), "--data", SharedData.Mmlu,
         "--subjects", "anatomy,astronomy", "--limit", "5", "--shots", "5", "--out", folder, .. extra];

    [Fact]
    public async Task Two_shards_merged_give_the_samples_of_the_unsharded_run()
    {
        var whole = Cli.TempFolder("whole");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(whole))).ExitCode);
        var first = Cli.TempFolder("s1");
        var second = Cli.TempFolder("s2");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(first, "--shard", "1/2"))).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(second, "--shard", "2/2"))).ExitCode);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(first, "samples.jsonl")).Length);

        var merged = Cli.TempFolder("merged");
        var result = Cli.Run("merge", second, first, "--out", merged);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "samples.jsonl")), File.ReadAllText(Path.Combine(merged, "samples.jsonl")));
        Assert.True(File.Exists(Path.Combine(merged, "report.md")));
    }

    [Fact]
    public async Task Merging_shards_of_different_runs_is_refused_with_the_difference()
    {
        var first = Cli.TempFolder("d1");
        var second = Cli.TempFolder("d2");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(first, "--shard", "1/2"))).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync([.. RunArgs(second, "--shard", "2/2"), "--style", "harness"])).ExitCode);

        var result = Cli.Run("merge", first, second, "--out", Cli.TempFolder("dm"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("style original/v1 → harness/v1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_merged_run_recomputes_the_benchmark_analysis_of_the_unsharded_run()
    {
        var whole = Cli.TempFolder("pwhole");
        var first = Cli.TempFolder("ps1");
        var second = Cli.TempFolder("ps2");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(whole, "--permute", "cyclic"))).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(first, "--permute", "cyclic", "--shard", "1/2"))).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(second, "--permute", "cyclic", "--shard", "2/2"))).ExitCode);

        var merged = Cli.TempFolder("pmerged");
        Assert.Equal(0, Cli.Run("merge", first, second, "--out", merged).ExitCode);

        static string Analysis(string folder)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
            return doc.RootElement.GetProperty("analysis").GetRawText();
        }

        Assert.Equal(Analysis(whole), Analysis(merged));
    }
}
