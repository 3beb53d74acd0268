using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class MergeSettings : CommandSettings
{
    [CommandArgument(0, "<SHARD_DIR>")]
    [Description("The run folders of --shard 1/n … n/n, in any order.")]
    public string[] Shards { get; init; } = [];

    [CommandOption("-o|--out <DIR>")]
    [Description("The folder for the merged run (results.json, samples.jsonl, reports).")]
    public string? Out { get; init; }

    public override ValidationResult Validate() =>
        Shards.Length == 0 ? ValidationResult.Error("name the shard folders to merge.")
        : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out is required: the folder for the merged run.")
        : ValidationResult.Success();
}
