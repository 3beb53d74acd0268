using MmluSharp.Cli.Schedulers;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class SlurmCommandTests
{
    /// <summary>Awkward on purpose: spaces, a quote and a dollar sign in user values.</summary>
    private static SlurmJob Job(IReadOnlyList<string> program) => new(
        "/home/ada/mmlu evals",
        program,
        ["run", "--model", "models/it's $1.gguf", "--data", "mmlu", "--subjects", "anatomy,virology", "--limit", "20", "--threads", "8"],
        "runs/llama 7b",
        4,
        "mmlu-llama",
        new SlurmResources("cpu", "04:00:00", 8, "16G", ["--account=lab", "--qos=long"]));

    private static string[] RunArgs(params string[] extra) =>
        ["--model", SharedData.Model("llama-2-tiny-random.gguf"), "--data", SharedData.Mmlu, "--subjects", "anatomy,astronomy", "--limit", "3", .. extra];

    [Fact]
    public void The_array_script_matches_its_golden_file() => Golden.Verify("slurm/shards.sbatch", SbatchScripts.Shards(Job(["/opt/mmlu/mmlu"])));

    [Fact]
    public void The_merge_script_matches_its_golden_file() => Golden.Verify("slurm/merge.sbatch", SbatchScripts.Merge(Job(["/opt/mmlu/mmlu"])));

    [Fact]
    public async Task Bash_runs_array_task_3_with_every_user_value_as_written()
    {
        var words = await RunScriptAsync(SbatchScripts.Shards(Job(["printf", "%s\\0"])), ("SLURM_ARRAY_TASK_ID", "3"));

        Assert.Equal(
            ["run", "--model", "models/it's $1.gguf", "--data", "mmlu", "--subjects", "anatomy,virology", "--limit", "20", "--threads", "8",
             "--shard", "auto", "--shards", "4", "--out", "runs/llama 7b-shard3of4"],
            words);
    }

    [Fact]
    public async Task Bash_runs_the_merge_of_the_four_shard_folders_into_the_run_folder()
    {
        var words = await RunScriptAsync(SbatchScripts.Merge(Job(["printf", "%s\\0"])));

        Assert.Equal(
            ["merge", "runs/llama 7b-shard1of4", "runs/llama 7b-shard2of4", "runs/llama 7b-shard3of4", "runs/llama 7b-shard4of4", "--out", "runs/llama 7b"],
            words);
    }

    [Fact]
    public void Dry_run_prints_both_scripts_with_the_run_options_and_writes_nothing()
    {
        var folder = Path.Combine(Cli.TempFolder("slurm-dry"), "run");

        var result = Cli.Run(["slurm", "--shards", "3", .. RunArgs("--out", folder), "--partition", "debug", "--sbatch=--account=lab", "--sbatch", "#SBATCH --qos=long", "--dry-run"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("#SBATCH --array=1-3", result.Output, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --partition=debug", result.Output, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --account=lab\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --qos=long\n", result.Output, StringComparison.Ordinal);
        Assert.Contains($"run --model {SharedData.Model("llama-2-tiny-random.gguf")} --data {SharedData.Mmlu} --subjects anatomy,astronomy --limit 3 --shard auto --shards 3 --out {folder}-shard\"${{SLURM_ARRAY_TASK_ID}}\"of3", result.Output, StringComparison.Ordinal);
        Assert.Contains($"merge {folder}-shard1of3 {folder}-shard2of3 {folder}-shard3of3 --out {folder}", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--dry-run", result.Output.Replace("# ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder + "-slurm"));
    }

    [Fact]
    public void Cpus_per_task_become_llama_cpp_threads_unless_threads_are_given()
    {
        var implied = Cli.Run(["slurm", "--shards", "2", .. RunArgs(), "--cpus-per-task", "6", "--dry-run"]);
        var given = Cli.Run(["slurm", "--shards", "2", .. RunArgs("--threads", "2"), "--cpus-per-task", "6", "--dry-run"]);

        Assert.Contains("--limit 3 --threads 6 --shard auto", implied.Output, StringComparison.Ordinal);
        Assert.Contains("#SBATCH --cpus-per-task=6", implied.Output, StringComparison.Ordinal);
        Assert.Contains("--limit 3 --threads 2 --shard auto", given.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--threads 6", given.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_sbatch_on_the_path_it_says_so_in_one_line_with_exit_code_2()
    {
        var (exitCode, output) = await MmluProcess.RunAsync(
            new Dictionary<string, string> { ["PATH"] = Cli.TempFolder("empty-path") }, ["slurm", "--shards", "2", .. RunArgs()]);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "error: sbatch is not on the PATH: run mmlu slurm where Slurm's commands are (a login node), or add --dry-run to print the scripts.",
            output.Trim());
    }

    [Theory]
    [InlineData("--shards N is required", "slurm")]
    [InlineData("drop --shard and pass --shards N", "slurm", "--shards", "2", "--shard", "1/2")]
    [InlineData("--partition must be one word", "slurm", "--shards", "2", "--partition", "a b")]
    [InlineData("--sbatch takes one sbatch option per line", "slurm", "--shards", "2", "--sbatch", "account=lab")]
    [InlineData("--cpus-per-task must be a positive number", "slurm", "--shards", "2", "--cpus-per-task", "0")]
    [InlineData("--shards goes with --shard auto", "run", "--shards", "2")]
    [InlineData("--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), or auto", "run", "--shard", "some")]
    public void Bad_scheduler_options_are_one_line_and_exit_code_2(string message, params string[] args)
    {
        var result = Cli.Run([.. args, .. RunArgs()]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.Single(result.Output.Trim().Split('\n'));
    }

    [Fact]
    public void More_shards_than_questions_are_refused_before_anything_is_queued()
    {
        var result = Cli.Run(["slurm", "--shards", "9", .. RunArgs(), "--dry-run"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--shards 9 but the run has only 6 questions", result.Output, StringComparison.Ordinal);
    }

    private static async Task<List<string>> RunScriptAsync(string script, params (string Name, string Value)[] environment)
    {
        var file = Path.Combine(Cli.TempFolder("sbatch"), "job.sbatch");
        await File.WriteAllTextAsync(file, script);
        var (exitCode, output, _) = await ChildProcess.RunAsync("bash", [file], environment.ToDictionary(v => v.Name, v => v.Value));
        Assert.Equal(0, exitCode);
        return [.. output.Split('\0')[..^1]];
    }
}
