using MmluSharp.Running;

namespace MmluSharp.Cli.Schedulers;

/// <summary>The slice a run takes and where it came from (e.g. "Slurm array job 77, task 2 of 1-4").</summary>
internal sealed record ShardChoice(Shard Shard, string Source);
