using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class DatasetsInfoSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("MMLU folder in the original layout (dev/, val/, test/).")]
    public string? Data { get; init; }

    [CommandOption("--grouping <GROUPING>")]
    [Description("Category mapping: original (hendrycks/test categories.py) or harness (lm-evaluation-harness; anatomy in STEM).")]
    [DefaultValue("original")]
    public string Grouping { get; init; } = "original";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Data) ? ValidationResult.Error("--data is required: an MMLU folder (dev/, val/, test/).")
        : Grouping is not ("original" or "harness") ? ValidationResult.Error($"--grouping must be original or harness, not '{Grouping}'.")
        : ValidationResult.Success();
}
