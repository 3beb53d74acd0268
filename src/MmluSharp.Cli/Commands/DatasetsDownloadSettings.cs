using System.ComponentModel;
using MmluSharp.Cli.Terminal;
using MmluSharp.Datasets.Download;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class DatasetsDownloadSettings : CommandSettings
{
    [CommandArgument(0, "<NAME>")]
    [RegistryDescription("One of {downloads}.")]
    public string Name { get; init; } = string.Empty;

    [CommandOption("--to <DIR>")]
    [Description("The dataset folder to create (default: <cache>/<NAME>, the cache being $MMLU_HOME, else $XDG_CACHE_HOME/mmlusharp, else ~/.cache/mmlusharp).")]
    public string? To { get; init; }

    [CommandOption("--source <URL>")]
    [Description("A mirror's base URL replacing the default one, or the URL of one .tar, .tar.gz, .tgz or .zip archive holding the dataset's layout (e.g. https://people.eecs.berkeley.edu/~hendrycks/data.tar for mmlu).")]
    public string? Source { get; init; }

    [CommandOption("--force")]
    [Description("Download again even if the folder is already complete (or into a folder mmlu did not make), replacing the files mmlu wrote there; files it did not write are never replaced or deleted.")]
    public bool Force { get; init; }

    [CommandOption("--max-unpacked <SIZE>")]
    [Description("The most an archive or a converted parquet file may unpack to, e.g. 4G (default: 10× the dataset's usual size, at least 64M, and at most 100 times the input's own size). Also read from MMLU_MAX_UNPACKED.")]
    public string? MaxUnpacked { get; init; }

    public Uri? SourceUri => Source is null ? null : new Uri(Source, UriKind.Absolute);

    /// <summary>The user's cap on unpacked bytes (option, else environment), or null for the default.</summary>
    public long? MaxUnpackedBytes => ByteSize.TryParse(MaxUnpackedText, out var bytes) ? bytes : null;

    private string? MaxUnpackedText =>
        MaxUnpacked ?? (Environment.GetEnvironmentVariable(DatasetDownloader.MaxUnpackedVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);

    public override ValidationResult Validate()
    {
        if (Source is not null && (!Uri.TryCreate(Source, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return ValidationResult.Error($"--source must be an http:// or https:// URL, not '{Source}'.");
        }

        if (MaxUnpackedText is { } size && !ByteSize.TryParse(size, out _))
        {
            var name = MaxUnpacked is null ? DatasetDownloader.MaxUnpackedVariable : "--max-unpacked";
            return ValidationResult.Error($"{name} must be a size such as 500M or 4G, not '{size}'.");
        }

        return ValidationResult.Success();
    }
}
