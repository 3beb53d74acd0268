using System.Globalization;
using MmluSharp.Running;

namespace MmluSharp.Cli.Schedulers;

/// <summary>
/// <c>--shard auto</c>: the slice a scheduler gave this process. A Slurm job array gives task ids
/// (<c>SLURM_ARRAY_TASK_ID</c>, <c>_MIN</c>, <c>_MAX</c>, <c>_STEP</c>, <c>_COUNT</c>; the array may start at any
/// id); a Kubernetes Indexed Job gives a 0-based <c>JOB_COMPLETION_INDEX</c> but not the number of completions, which
/// comes from <c>--shards N</c>.
/// </summary>
internal static class SchedulerShard
{
    public const string SlurmTask = "SLURM_ARRAY_TASK_ID";
    public const string KubernetesIndex = "JOB_COMPLETION_INDEX";

    /// <summary>The slice, read from <paramref name="environment"/>.</summary>
    /// <param name="environment">Looks up an environment variable (null when unset).</param>
    /// <param name="shards">--shards: required for Kubernetes, a check for Slurm.</param>
    /// <exception cref="ArgumentException">No scheduler, both, or values that give no slice; the message names the variable.</exception>
    public static ShardChoice Resolve(Func<string, string?> environment, int? shards)
    {
        var slurm = !string.IsNullOrEmpty(environment(SlurmTask));
        var kubernetes = !string.IsNullOrEmpty(environment(KubernetesIndex));
        return (slurm, kubernetes) switch
        {
            (true, true) => throw new ArgumentException(
                $"--shard auto: both {SlurmTask} and {KubernetesIndex} are set, so the slice is ambiguous; pass --shard I/N."),
            (true, false) => FromSlurm(environment, shards),
            (false, true) => FromKubernetes(environment, shards),
            _ => throw new ArgumentException(
                $"--shard auto needs a scheduler's index: run it as a Slurm job array task ({SlurmTask}) or in a Kubernetes Indexed Job ({KubernetesIndex}, with --shards N); elsewhere pass --shard I/N."),
        };
    }

    private static ShardChoice FromSlurm(Func<string, string?> environment, int? shards)
    {
        var id = Number(environment, SlurmTask);
        var min = Number(environment, "SLURM_ARRAY_TASK_MIN");
        var count = Number(environment, "SLURM_ARRAY_TASK_COUNT");
        var step = environment("SLURM_ARRAY_TASK_STEP") is { Length: > 0 } ? Number(environment, "SLURM_ARRAY_TASK_STEP") : 1;
        var max = environment("SLURM_ARRAY_TASK_MAX") is { Length: > 0 } ? Number(environment, "SLURM_ARRAY_TASK_MAX") : min + ((count - 1) * step);
        if (count < 1 || step < 1 || max < min || (max - min) % step != 0 || ((max - min) / step) + 1 != count)
        {
            throw new ArgumentException(Invariant(
                $"--shard auto: the Slurm array ({count} tasks between {min} and {max}, step {step}) has gaps; shards need contiguous ids, e.g. sbatch --array=1-{count}."));
        }

        if (id < min || id > max || (id - min) % step != 0)
        {
            throw new ArgumentException(Invariant($"--shard auto: {SlurmTask}={id} is not a task of the array {min}-{max}:{step}."));
        }

        if (shards is { } expected && expected != count)
        {
            throw new ArgumentException(Invariant($"--shards {expected} but the Slurm array has {count} tasks ({min}-{max}); they must agree."));
        }

        var shard = new Shard(((id - min) / step) + 1, count);
        var job = environment("SLURM_ARRAY_JOB_ID") is { Length: > 0 } j ? $"job {j}, " : string.Empty;
        return new ShardChoice(shard, Invariant($"Slurm array {job}task {id} of {min}-{max}"));
    }

    private static ShardChoice FromKubernetes(Func<string, string?> environment, int? shards)
    {
        var index = Number(environment, KubernetesIndex);
        if (shards is not { } count)
        {
            throw new ArgumentException(
                $"--shard auto in a Kubernetes Indexed Job ({KubernetesIndex} is set) needs --shards N, the Job's completions.");
        }

        if (index < 0 || index >= count)
        {
            throw new ArgumentException(Invariant($"--shard auto: {KubernetesIndex}={index} is outside 0-{count - 1} (--shards {count}); set --shards to the Job's completions."));
        }

        return new ShardChoice(new Shard(index + 1, count), Invariant($"Kubernetes Indexed Job, completion index {index} of 0-{count - 1}"));
    }

    private static int Number(Func<string, string?> environment, string name)
    {
        var text = environment(name);
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException($"--shard auto: {name} is not set; is this a task of a job array?");
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--shard auto: {name} must be a whole number, not '{text}'.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
