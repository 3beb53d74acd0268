using System.ComponentModel;
using System.Globalization;
using System.Net.Http.Headers;
using MmluSharp.Cli.Terminal;
using MmluSharp.Datasets.Download;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[RegistryDescription("Download {downloads} into the cache (or --to DIR), check SHA-256 where known, and write a manifest.")]
internal sealed class DatasetsDownloadCommand(IAnsiConsole console) : AsyncCommand<DatasetsDownloadSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatasetsDownloadSettings settings, CancellationToken cancellationToken)
    {
        var target = settings.To ?? Path.Combine(DatasetCache.Root, settings.Name);
        var request = new DownloadRequest(settings.Name, target, settings.SourceUri, settings.Force, MmluApp.Version, settings.MaxUnpackedBytes);
        using var http = CreateClient();
        var view = new DatasetsDownloadView(console);
        var result = await view.RunAsync(progress => new DatasetDownloader(http, progress).DownloadAsync(request, cancellationToken)).ConfigureAwait(false);

        var manifest = result.Manifest;
        if (result.AlreadyPresent)
        {
            var when = manifest.Downloaded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            console.MarkupLineInterpolated($"[bold]{result.Folder}[/] already holds {manifest.Name} (downloaded {when}); pass --force to download it again.");
            return 0;
        }

        var bytes = manifest.Files.Sum(f => f.Size);
        var verified = manifest.Downloads.Count(d => d.Verified == true);
        console.MarkupLineInterpolated(
            $"Downloaded {manifest.Name} to [bold]{result.Folder}[/]: {manifest.Files.Count} files, {DatasetsDownloadView.Megabytes(bytes)} MB; SHA-256 verified for {verified} of {manifest.Downloads.Count} downloads.");
        if (manifest.Name == "mmlu")
        {
            console.MarkupLineInterpolated($"Use it with: mmlu run --data {result.Folder} ...");
        }

        return 0;
    }

    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30), AllowAutoRedirect = true };
        var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("mmlusharp", MmluApp.Version));
        return http;
    }
}
