using MmluSharp.Running;

namespace MmluSharp.Cli.Schedulers;

/// <summary>
/// One sharded run on Slurm: an array of <see cref="Shards"/> tasks, task i running <c>mmlu run … --shard auto</c>
/// into <c>FOLDER-shardIofN</c>, and a merge job into <see cref="Folder"/>. Scripts and logs go to
/// <c>FOLDER-slurm</c>. Paths are as the user gave them, relative to <see cref="WorkingDirectory"/>.
/// </summary>
/// <param name="Program">How the nodes start mmlu, e.g. <c>/usr/bin/dotnet /opt/mmlu/mmlu.dll</c>.</param>
/// <param name="RunArguments"><c>run</c> and its options, without <c>--shard</c>, <c>--shards</c> and <c>--out</c>.</param>
internal sealed record SlurmJob(
    string WorkingDirectory,
    IReadOnlyList<string> Program,
    IReadOnlyList<string> RunArguments,
    string Folder,
    int Shards,
    string JobName,
    SlurmResources Resources)
{
    /// <summary>The folder of the scripts and the jobs' logs.</summary>
    public string ScriptFolder => Folder + "-slurm";

    /// <summary>The run folder of shard <paramref name="index"/> (1-based).</summary>
    public string ShardFolder(int index) => Folder + new Shard(index, Shards).FolderSuffix;

    /// <summary><paramref name="path"/> as the jobs see it (absolute).</summary>
    public string Absolute(string path) => Path.GetFullPath(path, WorkingDirectory);
}
