using MmluSharp.Cli.Schedulers;
using MmluSharp.Running;

namespace MmluSharp.Cli.Tests;

/// <summary>--shard auto reads an environment handed in as a dictionary: no test touches the process's own variables.</summary>
public class SchedulerShardTests
{
    private static ShardChoice Resolve(int? shards, params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return SchedulerShard.Resolve(name => environment.GetValueOrDefault(name), shards);
    }

    private static (string, string)[] SlurmArray(int id, int min, int max, int count, int step = 1) =>
    [
        ("SLURM_ARRAY_JOB_ID", "77"), ("SLURM_ARRAY_TASK_ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("SLURM_ARRAY_TASK_MIN", min.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("SLURM_ARRAY_TASK_MAX", max.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("SLURM_ARRAY_TASK_COUNT", count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("SLURM_ARRAY_TASK_STEP", step.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    public void A_Slurm_array_from_0_to_3_gives_task_id_plus_one_of_four(int id, int index)
    {
        var choice = Resolve(null, SlurmArray(id, 0, 3, 4));

        Assert.Equal(new Shard(index, 4), choice.Shard);
        Assert.Equal($"Slurm array job 77, task {id} of 0-3", choice.Source);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 4)]
    public void A_Slurm_array_from_1_to_4_gives_the_task_id_of_four(int id, int index) =>
        Assert.Equal(new Shard(index, 4), Resolve(null, SlurmArray(id, 1, 4, 4)).Shard);

    [Fact]
    public void A_Slurm_array_starting_at_10_counts_from_its_first_task() =>
        Assert.Equal(new Shard(2, 3), Resolve(3, SlurmArray(11, 10, 12, 3)).Shard);

    [Fact]
    public void A_Slurm_array_with_a_step_numbers_its_tasks_in_order() =>
        Assert.Equal(new Shard(3, 4), Resolve(null, SlurmArray(4, 0, 6, 4, step: 2)).Shard);

    [Fact]
    public void A_Slurm_array_without_max_and_step_is_taken_as_contiguous()
    {
        var choice = Resolve(null, ("SLURM_ARRAY_TASK_ID", "5"), ("SLURM_ARRAY_TASK_MIN", "3"), ("SLURM_ARRAY_TASK_COUNT", "4"));

        Assert.Equal(new Shard(3, 4), choice.Shard);
        Assert.Equal("Slurm array task 5 of 3-6", choice.Source);
    }

    [Fact]
    public void A_Slurm_array_with_gaps_is_refused_with_the_array_to_submit_instead()
    {
        // sbatch --array=1,3,6: three tasks between 1 and 6.
        var error = Assert.Throws<ArgumentException>(() => Resolve(null, SlurmArray(3, 1, 6, 3)));

        Assert.Equal("--shard auto: the Slurm array (3 tasks between 1 and 6, step 1) has gaps; shards need contiguous ids, e.g. sbatch --array=1-3.", error.Message);
    }

    [Fact]
    public void Shards_that_disagree_with_the_Slurm_array_size_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Resolve(8, SlurmArray(1, 1, 4, 4)));

        Assert.Equal("--shards 8 but the Slurm array has 4 tasks (1-4); they must agree.", error.Message);
    }

    [Fact]
    public void A_Slurm_variable_that_is_not_a_number_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => Resolve(null, ("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_MIN", "one"), ("SLURM_ARRAY_TASK_COUNT", "4")));

        Assert.Equal("--shard auto: SLURM_ARRAY_TASK_MIN must be a whole number, not 'one'.", error.Message);
    }

    [Fact]
    public void A_Slurm_task_without_the_array_size_is_refused_naming_the_variable()
    {
        var error = Assert.Throws<ArgumentException>(() => Resolve(null, ("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_MIN", "1")));

        Assert.Contains("SLURM_ARRAY_TASK_COUNT is not set", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("2", 3)]
    [InlineData("3", 4)]
    public void A_Kubernetes_completion_index_is_the_0_based_shard_of_shards(string index, int shard)
    {
        var choice = Resolve(4, ("JOB_COMPLETION_INDEX", index));

        Assert.Equal(new Shard(shard, 4), choice.Shard);
        Assert.Equal($"Kubernetes Indexed Job, completion index {index} of 0-3", choice.Source);
    }

    [Fact]
    public void A_Kubernetes_index_without_shards_asks_for_the_completions()
    {
        var error = Assert.Throws<ArgumentException>(() => Resolve(null, ("JOB_COMPLETION_INDEX", "0")));

        Assert.Equal("--shard auto in a Kubernetes Indexed Job (JOB_COMPLETION_INDEX is set) needs --shards N, the Job's completions.", error.Message);
    }

    [Fact]
    public void A_Kubernetes_index_beyond_shards_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Resolve(4, ("JOB_COMPLETION_INDEX", "4")));

        Assert.Equal("--shard auto: JOB_COMPLETION_INDEX=4 is outside 0-3 (--shards 4); set --shards to the Job's completions.", error.Message);
    }

    [Fact]
    public void Without_a_scheduler_auto_says_where_it_works()
    {
        var error = Assert.Throws<ArgumentException>(() => Resolve(4));

        Assert.Contains("SLURM_ARRAY_TASK_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("JOB_COMPLETION_INDEX", error.Message, StringComparison.Ordinal);
        Assert.Contains("pass --shard I/N", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_schedulers_at_once_are_ambiguous() =>
        Assert.Contains("ambiguous", Assert.Throws<ArgumentException>(() => Resolve(4, [.. SlurmArray(1, 1, 4, 4), ("JOB_COMPLETION_INDEX", "0")])).Message, StringComparison.Ordinal);
}
