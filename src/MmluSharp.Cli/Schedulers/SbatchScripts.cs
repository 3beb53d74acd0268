using System.Globalization;
using System.Text;
using MmluSharp.Running;

namespace MmluSharp.Cli.Schedulers;

/// <summary>
/// The two batch scripts of a <see cref="SlurmJob"/>. Every value that reaches the shell is one quoted word;
/// values in <c>#SBATCH</c> lines (read by sbatch, not a shell) are double-quoted when they hold spaces.
/// </summary>
internal static class SbatchScripts
{
    public const string ShardsFile = "shards.sbatch";
    public const string MergeFile = "merge.sbatch";

    /// <summary>The job array: task i (1…N) runs shard i/N of the run.</summary>
    public static string Shards(SlurmJob job)
    {
        var text = Header($"mmlu slurm: shard i of {job.Shards} of one mmlu run in task i of a job array; the merge job joins them into {job.Folder}.");
        text.AppendLine("# After a failure, run the same mmlu slurm command again: finished shards end at once, the others resume.");
        Directive(text, "job-name", job.JobName);
        Directive(text, "array", string.Create(CultureInfo.InvariantCulture, $"1-{job.Shards}"));
        Common(text, job, Path.Combine(job.ScriptFolder, "shard%a-%A.out"));
        if (job.Resources.CpusPerTask is { } cpus)
        {
            Directive(text, "cpus-per-task", cpus.ToString(CultureInfo.InvariantCulture));
        }

        if (job.Resources.Memory is { } memory)
        {
            Directive(text, "mem", memory);
        }

        Extra(text, job);
        var shards = job.Shards.ToString(CultureInfo.InvariantCulture);
        var folder = ShellWords.Quote(job.Folder + "-shard") + "\"${SLURM_ARRAY_TASK_ID}\"of" + shards;
        text.AppendLine(CultureInfo.InvariantCulture, $"exec {ShellWords.Join([.. job.Program, .. job.RunArguments, "--shard", "auto", "--shards", shards, "--out"])} {folder}");
        return text.ToString();
    }

    /// <summary>The merge job, submitted to start once every task of the array has succeeded.</summary>
    public static string Merge(SlurmJob job)
    {
        var text = Header($"mmlu slurm: merges the {job.Shards} shards into {job.Folder} once every shard has succeeded (submitted with --dependency=afterok on the array).");
        Directive(text, "job-name", job.JobName + "-merge");
        Common(text, job, Path.Combine(job.ScriptFolder, "merge-%j.out"));
        Directive(text, "kill-on-invalid-dep", "yes");
        Extra(text, job);
        var shards = Enumerable.Range(1, job.Shards).Select(job.ShardFolder);
        text.AppendLine(CultureInfo.InvariantCulture, $"exec {ShellWords.Join([.. job.Program, "merge", .. shards, "--out", job.Folder])}");
        return text.ToString();
    }

    private static StringBuilder Header(string comment)
    {
        var text = new StringBuilder();
        text.AppendLine("#!/bin/bash");
        text.AppendLine(CultureInfo.InvariantCulture, $"# {OneLine(comment)}");
        return text;
    }

    private static void Common(StringBuilder text, SlurmJob job, string output)
    {
        Directive(text, "chdir", job.WorkingDirectory);
        Directive(text, "output", job.Absolute(output));
        Directive(text, "ntasks", "1");
        if (job.Resources.Partition is { } partition)
        {
            Directive(text, "partition", partition);
        }

        if (job.Resources.Time is { } time)
        {
            Directive(text, "time", time);
        }
    }

    private static void Extra(StringBuilder text, SlurmJob job)
    {
        foreach (var line in job.Resources.ExtraLines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH {line}");
        }
    }

    private static void Directive(StringBuilder text, string name, string value)
    {
        if (value.Any(c => c == '"' || char.IsControl(c)))
        {
            throw new SchedulerException($"--{name} '{value}' cannot go into an #SBATCH line (a double quote or control character); choose another folder.");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --{name}={(value.Any(char.IsWhiteSpace) ? $"\"{value}\"" : value)}");
    }

    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
}
