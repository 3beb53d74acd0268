using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>mmlu merge over shards that are missing or unfinished: it names them, and its commands complete them.</summary>
public class MergeIncompleteShardsTests
{
    private static string[] RunArgs(params string[] extra) =>
        ["run", "--model", SharedData.Model("llama-2-tiny-random.gguf"), "--data", SharedData.Mmlu,
         "--subjects", "anatomy,astronomy", "--limit", "3", "--shots", "1", .. extra];

    [Fact]
    public async Task Merge_names_the_unfinished_and_missing_shards_and_their_commands_complete_the_run()
    {
        var root = Cli.TempFolder("incomplete");
        var whole = Path.Combine(root, "whole");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs("--out", whole))).ExitCode);
        string[] shards = [.. Enumerable.Range(1, 3).Select(i => Path.Combine(root, $"m-shard{i}of3"))];
        Assert.Equal(0, await MmluProcess.RunAsync(RunArgs("--shard", "1/3", "--out", shards[0])));
        // Shard 2 came from a Slurm array task and was cut short after its first question; shard 3 never ran.
        var slurm = new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "3" };
        Assert.Equal(0, (await MmluProcess.RunAsync(slurm, RunArgs("--shard", "auto", "--shards", "3", "--out", shards[1]))).ExitCode);
        File.Delete(Path.Combine(shards[1], "results.json"));
        var samples = Path.Combine(shards[1], "samples.jsonl");
        File.WriteAllLines(samples, File.ReadAllLines(samples).Take(1));
        var merged = Path.Combine(root, "merged");

        var refused = Cli.Run(["merge", .. shards, "--out", merged]);

        Assert.Equal(2, refused.ExitCode);
        var lines = refused.Output.Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("error: 1 of 3 shards are finished; complete the others (each command resumes what its shard already scored), then merge again:", lines[0]);
        Assert.StartsWith($"  shard 2/3 ({shards[1]}, unfinished, 1 question saved): cd ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"  shard 3/3 ({shards[2]}, missing): cd ", lines[2], StringComparison.Ordinal);
        Assert.EndsWith($"--shard 2/3 --out {shards[1]}", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($"--shard 3/3 --out {shards[2]}", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("--shards", lines[1], StringComparison.Ordinal);
        Assert.False(Directory.Exists(merged));

        foreach (var line in lines[1..])
        {
            Assert.Equal(0, (await ChildProcess.RunAsync("bash", ["-c", line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..]])).ExitCode);
        }

        Assert.Equal(0, Cli.Run(["merge", .. shards, "--out", merged]).ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "samples.jsonl")), File.ReadAllText(Path.Combine(merged, "samples.jsonl")));
    }

    [Fact]
    public void Merging_folders_none_of_which_is_a_run_names_them()
    {
        var empty = Cli.TempFolder("not-a-run");

        var result = Cli.Run("merge", empty, "--out", Cli.TempFolder("nothing-merged"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: none of {empty} is a run folder (no run.json): name the folders of mmlu run --shard.", result.Output.Trim());
    }

}
