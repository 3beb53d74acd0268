using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class ExportQloraSettings : DataSettings
{
    [CommandOption("-o|--out <FILE>")]
    [Description("Where to write the JSON lines (default: standard output).")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        if (Shots is not (0 or 5))
        {
            return ValidationResult.Error("QLoRA's files are zero- or five-shot: --shots must be 0 or 5.");
        }

        return Style is not (null or "original")
            ? ValidationResult.Error("QLoRA's files use the original prompt style; drop --style.")
            : base.Validate();
    }
}
