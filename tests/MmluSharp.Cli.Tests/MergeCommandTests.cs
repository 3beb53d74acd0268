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

    /// <summary>The two shard folders of one run (in-process runs).</summary>
    private static async Task<(string First, string Second)> Shards(string name, params string[] extra)
    {
        var first = Cli.TempFolder(name + "1");
        var second = Cli.TempFolder(name + "2");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(first, ["--shard", "1/2", .. extra]))).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(second, ["--shard", "2/2", .. extra]))).ExitCode);
        return (first, second);
    }

    /// <summary>Every file of <paramref name="folder"/> and its bytes, to show nothing changed.</summary>
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(File.ReadAllBytes(f)), StringComparer.Ordinal);

    [Fact]
    public async Task Merging_into_a_finished_run_or_unrelated_files_is_refused_and_changes_nothing()
    {
        var (first, second) = await Shards("r");
        var finished = Cli.TempFolder("finished");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(finished, "--shots", "0"))).ExitCode);
        var before = Snapshot(finished);
        var unrelated = Cli.TempFolder("unrelated");
        File.WriteAllText(Path.Combine(unrelated, "notes.txt"), "mine");

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), "merge", first, second, "--out", finished);
        var (unrelatedExit, unrelatedOutput) = await MmluProcess.RunAsync(new Dictionary<string, string>(), "merge", first, second, "--out", unrelated);

        Assert.Contains($"{finished} already holds a run; merge into a new or empty folder", ErrorLine.Of(exitCode, output), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(finished));
        Assert.Contains($"{unrelated} already holds other files (notes.txt)", ErrorLine.Of(unrelatedExit, unrelatedOutput), StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFiles(unrelated).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_same_merge_may_be_redone_but_another_merge_into_its_folder_is_refused()
    {
        var (first, second) = await Shards("m");
        var (_, other) = await Shards("h", "--style", "harness");
        var merged = Cli.TempFolder("again");
        Assert.Equal(0, Cli.Run("merge", first, second, "--out", merged).ExitCode);
        var samples = File.ReadAllText(Path.Combine(merged, "samples.jsonl"));

        Assert.Equal(0, Cli.Run("merge", second, first, "--out", merged).ExitCode);
        Assert.Equal(samples, File.ReadAllText(Path.Combine(merged, "samples.jsonl")));

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), "merge", first, other, "--out", merged);
        Assert.Contains($"{merged} already holds the merge of {first}, {second}", ErrorLine.Of(exitCode, output), StringComparison.Ordinal);
        Assert.Equal(samples, File.ReadAllText(Path.Combine(merged, "samples.jsonl")));
    }
}
