using System.ComponentModel;
using MmluSharp.Cli.Terminal;
using MmluSharp.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class ReportSettings : CommandSettings
{
    [CommandArgument(0, "<RESULTS>")]
    [Description("A results.json written by mmlu run.")]
    public string Results { get; init; } = string.Empty;

    [CommandOption("--md <FILE>")]
    [Description("Write the Markdown report here.")]
    public string? Markdown { get; init; }

    [CommandOption("--html <FILE>")]
    [Description("Write the self-contained HTML report (tables and charts) here.")]
    public string? Html { get; init; }

    [CommandOption("--format <FORMAT>")]
    [RegistryDescription("The format written to --out: {formats} (lm-eval: an lm-evaluation-harness results file of an MMLU run).")]
    public string? Format { get; init; }

    [CommandOption("-o|--out <FILE>")]
    [Description("Where to write the --format report.")]
    public string? Out { get; init; }

    public override ValidationResult Validate()
    {
        if (Format is not null && !ReportWriters.All.Any(w => w.Format == Format))
        {
            return ValidationResult.Error($"--format must be one of {ReportWriters.Names}, not '{Format}'.");
        }

        if ((Format is null) != (Out is null))
        {
            return ValidationResult.Error("--format and --out go together, e.g. --format lm-eval --out FILE.");
        }

        return ValidationResult.Success();
    }
}
