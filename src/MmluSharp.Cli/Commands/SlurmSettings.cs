using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

/// <summary>Every option of <c>mmlu run</c> (passed on to the shards), plus what Slurm needs.</summary>
internal sealed class SlurmSettings : RunSettings
{
    [CommandOption("--partition <NAME>")]
    [Description("The Slurm partition (sbatch --partition); default: the cluster's.")]
    public string? Partition { get; init; }

    [CommandOption("--time <LIMIT>")]
    [Description("Time limit of each job, e.g. 02:00:00 or 1-00:00:00 (sbatch --time).")]
    public string? Time { get; init; }

    [CommandOption("--cpus-per-task <N>")]
    [Description("CPUs of each shard (sbatch --cpus-per-task); llama.cpp uses that many threads unless --threads says otherwise.")]
    public int? CpusPerTask { get; init; }

    [CommandOption("--mem <SIZE>")]
    [Description("Memory of each shard, e.g. 16G (sbatch --mem).")]
    public string? Memory { get; init; }

    [CommandOption("--sbatch <LINE>")]
    [Description("An extra #SBATCH line for both jobs, e.g. --sbatch=--account=lab or --sbatch=--qos=long; repeat it for more.")]
    public string[] SbatchLines { get; init; } = [];

    [CommandOption("--job-name <NAME>")]
    [Description("Name of the array job; the merge job is NAME-merge.")]
    [DefaultValue("mmlu")]
    public string JobName { get; init; } = "mmlu";

    [CommandOption("--mmlu <PATH>")]
    [Description("The mmlu executable the nodes run (default: this one, as started here).")]
    public string? Mmlu { get; init; }

    [CommandOption("--dry-run")]
    [Description("Print the two scripts; write and submit nothing.")]
    public bool DryRun { get; init; }

    /// <summary>The extra lines as they go into the scripts, each with its <c>#SBATCH</c> prefix removed.</summary>
    public IReadOnlyList<string> ExtraLines =>
        [.. SbatchLines.Select(l => l.Trim()).Select(l => l.StartsWith("#SBATCH", StringComparison.Ordinal) ? l["#SBATCH".Length..].Trim() : l)];

    protected override ValidationResult ValidateShard()
    {
        if (Shard is not null)
        {
            return ValidationResult.Error("mmlu slurm gives each array task its own shard (--shard auto): drop --shard and pass --shards N.");
        }

        return Shards is not > 0
            ? ValidationResult.Error("--shards N is required: the number of array tasks, each scoring every N-th question.")
            : ValidationResult.Success();
    }

    public override ValidationResult Validate()
    {
        var slurm = ValidateSlurmOptions();
        return slurm.Successful ? base.Validate() : slurm;
    }

    private ValidationResult ValidateSlurmOptions()
    {
        if (CpusPerTask is <= 0)
        {
            return ValidationResult.Error("--cpus-per-task must be a positive number.");
        }

        foreach (var (option, value) in new[] { ("--partition", Partition), ("--time", Time), ("--mem", Memory), ("--job-name", JobName) })
        {
            if (value is not null && (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'')))
            {
                return ValidationResult.Error($"{option} must be one word without spaces or quotes, not '{value}'.");
            }
        }

        if (ExtraLines.FirstOrDefault(l => !l.StartsWith('-') || l.Any(char.IsControl)) is { } bad)
        {
            return ValidationResult.Error($"--sbatch takes one sbatch option per line, e.g. --sbatch=--account=lab; not '{bad}'.");
        }

        return Mmlu is not null && (Mmlu.Length == 0 || Mmlu.Any(char.IsControl))
            ? ValidationResult.Error("--mmlu must be the path of an mmlu executable.")
            : ValidationResult.Success();
    }
}
