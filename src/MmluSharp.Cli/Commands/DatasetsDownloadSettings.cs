using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class DatasetsDownloadSettings : CommandSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("mmlu, cmmlu, mmlu-pro or mmlu-redux.")]
    public string Name { get; init; } = string.Empty;

    [CommandOption("--to <DIR>")]
    [Description("The dataset folder to create (default: <cache>/<NAME>, the cache being $MMLU_HOME, else $XDG_CACHE_HOME/mmlusharp, else ~/.cache/mmlusharp).")]
    public string? To { get; init; }

    [CommandOption("--source <URL>")]
    [Description("A mirror's base URL replacing the default one, or the URL of one .tar, .tar.gz, .tgz or .zip archive holding the dataset's layout (e.g. https://people.eecs.berkeley.edu/~hendrycks/data.tar for mmlu).")]
    public string? Source { get; init; }

    [CommandOption("--force")]
    [Description("Download again even if the folder is already complete, replacing it.")]
    public bool Force { get; init; }

    public Uri? SourceUri => Source is null ? null : new Uri(Source, UriKind.Absolute);

    public override ValidationResult Validate() =>
        Source is not null && (!Uri.TryCreate(Source, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            ? ValidationResult.Error($"--source must be an http:// or https:// URL, not '{Source}'.")
            : ValidationResult.Success();
}
