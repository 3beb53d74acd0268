using System.Text.Json;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>mmlu run --shard auto as a real process, each with the environment its scheduler gives it.</summary>
public class ShardAutoRunTests
{
    private static readonly string[] Run =
        ["run", "--model", SharedData.Model("llama-2-tiny-random.gguf"), "--data", SharedData.Mmlu, "--subjects", "anatomy", "--limit", "4", "--shots", "1", "--shard", "auto"];

    [Fact]
    public Task A_Kubernetes_pod_takes_its_completion_index_and_names_its_folder_after_the_slice() =>
        AssertSliceAsync(
            new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "1" },
            ["--shards", "2"],
            "2 test questions · shard 2/2 (Kubernetes Indexed Job, completion index 1 of 0-1)",
            new Shard(2, 2),
            ["anatomy/1", "anatomy/3"]);

    [Fact]
    public Task A_Slurm_array_task_0_of_0_to_1_is_the_first_of_two_shards() =>
        AssertSliceAsync(
            new Dictionary<string, string>
            {
                ["SLURM_ARRAY_JOB_ID"] = "41", ["SLURM_ARRAY_TASK_ID"] = "0", ["SLURM_ARRAY_TASK_MIN"] = "0",
                ["SLURM_ARRAY_TASK_MAX"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "2", ["SLURM_ARRAY_TASK_STEP"] = "1",
            },
            [],
            "shard 1/2 (Slurm array job 41, task 0 of 0-1)",
            new Shard(1, 2),
            ["anatomy/0", "anatomy/2"]);

    [Fact]
    public async Task Auto_outside_a_scheduler_is_one_line_and_exit_code_2()
    {
        var (exitCode, output) = await MmluProcess.RunInAsync(Cli.TempFolder("no-scheduler"), new Dictionary<string, string>(), Run);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: --shard auto needs a scheduler's index", output.Trim(), StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
    }

    /// <summary>Runs mmlu with the scheduler's variables in a fresh folder and checks what it printed, recorded and scored.</summary>
    private static async Task AssertSliceAsync(
        Dictionary<string, string> environment, string[] extra, string printed, Shard shard, string[] questions)
    {
        var here = Cli.TempFolder("auto");

        var (exitCode, output) = await MmluProcess.RunInAsync(here, environment, [.. Run, .. extra]);

        Assert.Equal(0, exitCode);
        Assert.Contains(printed, output, StringComparison.Ordinal);
        var folder = Path.Combine(here, "runs", "llama-2-tiny-random-mmlu-test-1shot-original" + shard.FolderSuffix);
        Assert.Equal(shard.ToString(), Setting(folder, "shard"));
        Assert.Equal(questions, Questions(folder));
    }

    private static string Setting(string folder, string name)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "run.json")));
        return manifest.RootElement.GetProperty("settings").GetProperty(name).GetString()!;
    }

    private static List<string> Questions(string folder) =>
        [.. File.ReadLines(Path.Combine(folder, "samples.jsonl")).Select(line =>
        {
            using var sample = JsonDocument.Parse(line);
            return $"{sample.RootElement.GetProperty("subject").GetString()}/{sample.RootElement.GetProperty("index").GetInt32()}";
        })];
}
