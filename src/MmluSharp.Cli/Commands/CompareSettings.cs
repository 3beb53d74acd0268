using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class CompareSettings : CommandSettings
{
    [CommandArgument(0, "<RESULTS>")]
    [Description("Two or more results.json files; the first is the baseline the others are compared with.")]
    public string[] Results { get; init; } = [];

    [CommandOption("--md <FILE>")]
    [Description("Write the Markdown comparison here.")]
    public string? Markdown { get; init; }

    [CommandOption("--html <FILE>")]
    [Description("Write the HTML comparison here.")]
    public string? Html { get; init; }

    [CommandOption("--published")]
    [Description("Add published reference numbers (hendrycks/test README, Chinchilla paper) to the leaderboard.")]
    public bool Published { get; init; }

    public override ValidationResult Validate() =>
        Results.Length < 2
            ? ValidationResult.Error("compare needs at least two results.json files: mmlu compare A.json B.json [C.json …].")
            : ValidationResult.Success();
}
