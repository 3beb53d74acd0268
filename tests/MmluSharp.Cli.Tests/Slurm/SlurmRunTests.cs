using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MmluSharp.Testing;
using Xunit.Abstractions;

namespace MmluSharp.Cli.Tests.Slurm;

/// <summary>
/// mmlu slurm on a real one-node Slurm cluster started for the test. Skipped, loudly, only on a machine where
/// the Debian packages slurm-wlm and munge are not installed (the README's test command installs them).
/// </summary>
public partial class SlurmRunTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_four_shard_array_and_its_dependent_merge_give_the_results_of_the_unsharded_run()
    {
        var whyNot = SlurmCluster.WhyNot();
        if (whyNot is not null)
        {
            var loud = $"*** SLURM TEST SKIPPED: {whyNot}. ***";
            output.WriteLine(loud);
            await Console.Error.WriteLineAsync(loud);
        }

        Skip.If(whyNot is not null, whyNot);
        // A space in the submit folder: the quoted #SBATCH --chdir and --output lines must reach sbatch intact.
        var root = Directory.CreateDirectory(Path.Combine(Cli.TempFolder("slurm"), "mmlu evals")).FullName;
        string[] run = ["--model", SharedData.Model("llama-2-tiny-random.gguf"), "--data", SharedData.Mmlu,
            "--subjects", "abstract_algebra,anatomy,astronomy", "--limit", "3", "--shots", "2"];
        var whole = Path.Combine(root, "whole");
        Assert.Equal(0, (await Cli.RunAsync(["run", .. run, "--out", whole])).ExitCode);

        using var cluster = await SlurmCluster.StartAsync(output.WriteLine);
        var merged = Path.Combine(root, "runs", "tiny");
        var (exitCode, submitted) = await MmluProcess.RunInAsync(
            root, cluster.Environment, ["slurm", "--shards", "4", "--cpus-per-task", "1", "--job-name", "mmlu-test", .. run, "--out", "runs/tiny"]);
        output.WriteLine(submitted);
        Assert.Equal(0, exitCode);
        var ids = Submitted().Match(submitted);
        Assert.True(ids.Success, submitted);
        var (array, merge) = (ids.Groups[1].Value, ids.Groups[2].Value);

        var state = await WaitForEndAsync(cluster, merge);
        Assert.True(state == "COMPLETED", $"merge job {merge} ended {state}.\n{Logs(merged)}\n{cluster.Logs()}");
        for (var task = 1; task <= 4; task++)
        {
            Assert.Equal("COMPLETED", (await cluster.JobStateAsync($"{array}_{task}")).State);
            Assert.True(File.Exists(Path.Combine($"{merged}-shard{task}of4", "results.json")));
        }

        Assert.Equal(File.ReadAllText(Path.Combine(whole, "samples.jsonl")), File.ReadAllText(Path.Combine(merged, "samples.jsonl")));
        Assert.Equal(WithoutTimingAndCommand(whole), WithoutTimingAndCommand(merged));
        Assert.Contains("shard 2/4 (Slurm array job " + array + ", task 2 of 1-4)", File.ReadAllText(Path.Combine(merged + "-slurm", $"shard2-{array}.out")), StringComparison.Ordinal);
    }

    /// <summary>Polls the job until it ends; the deadline only guards against a hung cluster, it asserts no speed.</summary>
    private static async Task<string> WaitForEndAsync(SlurmCluster cluster, string job)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            var (state, reason) = await cluster.JobStateAsync(job);
            if (state is not ("PENDING" or "CONFIGURING" or "RUNNING" or "COMPLETING") || reason == "DependencyNeverSatisfied")
            {
                return $"{state} ({reason})".Replace(" (None)", string.Empty, StringComparison.Ordinal);
            }

            await Task.Delay(250);
        }

        return "still not finished after 5 minutes";
    }

    /// <summary>results.json without what differs between any two runs: timing, and the command and date in "run".</summary>
    private static string WithoutTimingAndCommand(string folder)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "results.json")))!.AsObject();
        json.Remove("timing");
        json["run"]!.AsObject().Remove("command_line");
        json["run"]!.AsObject().Remove("date");
        return json.ToJsonString();
    }

    private static string Logs(string merged) => Directory.Exists(merged + "-slurm")
        ? string.Join("\n", Directory.GetFiles(merged + "-slurm", "*.out").Order(StringComparer.Ordinal).Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
        : "(no job logs)";

    [GeneratedRegex(@"array job (\d+) .* merge job (\d+)")]
    private static partial Regex Submitted();
}
