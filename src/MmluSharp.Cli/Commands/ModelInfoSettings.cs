using System.ComponentModel;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class ModelInfoSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A GGUF model file.")]
    public string File { get; init; } = string.Empty;
}
