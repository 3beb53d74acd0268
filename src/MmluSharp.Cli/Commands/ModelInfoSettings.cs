using System.ComponentModel;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class ModelInfoSettings : CommandSettings
{
    [CommandArgument(0, "<MODEL>")]
    [Description("A GGUF file (the first part of a split model), or a Hugging Face reference such as owner/repo:Q4_K_M: its cached copy, else its header read from the Hub without downloading the weights.")]
    public string File { get; init; } = string.Empty;
}
