using System.ComponentModel;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class PromptsSettings : ChatSettings
{
    [CommandOption("-o|--out <FILE>")]
    [Description("Where to write the JSON lines (default: standard output).")]
    public string? Out { get; init; }
}
