namespace MmluSharp.Cli.Schedulers;

/// <summary>What each job asks Slurm for; null leaves the cluster's default.</summary>
internal sealed record SlurmResources(
    string? Partition, string? Time, int? CpusPerTask, string? Memory, IReadOnlyList<string> ExtraLines);
