using System.Security.Cryptography;

namespace MmluSharp.Datasets.Download;

/// <summary>
/// Downloads the data of a registered benchmark (<see cref="Benchmarks.IBenchmark.Source"/>) into a folder. Everything is fetched and unpacked in a
/// locked scratch folder beside the target (<see cref="ScratchFolder"/>), moved into place only when complete
/// (<see cref="DatasetInstaller"/>: files mmlu did not write are never replaced or deleted), and the manifest is
/// written last; any failure or Ctrl+C deletes the scratch folder, and a kill leaves one the next download removes,
/// so a folder with a manifest is always complete. Partial files are not resumed: a new attempt starts over.
/// </summary>
public sealed class DatasetDownloader(HttpClient http, IProgress<DownloadProgress>? progress = null)
{
    /// <summary>The environment variable a tool may read the cap on unpacked bytes from (<see cref="DownloadRequest.MaxUnpackedBytes"/>).</summary>
    public const string MaxUnpackedVariable = UnpackLimit.Variable;

    private static readonly string[] ArchiveEndings = [".tar", ".tar.gz", ".tgz", ".zip"];

    /// <summary>How long a body may send nothing before the download is given up.</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Downloads, verifies and lays out the dataset, then writes its manifest.</summary>
    /// <exception cref="DatasetException">Unknown name, unreachable server, HTTP error, wrong hash, unsafe archive, wrong layout.</exception>
    public async Task<DownloadResult> DownloadAsync(DownloadRequest request, CancellationToken ct = default)
    {
        var source = Sources.Get(request.Name);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Target));
        ScratchFolder.RemoveStale(target);
        if (File.Exists(Path.Combine(target, DatasetCache.ManifestFileName)) && !request.Force)
        {
            return new DownloadResult(target, DownloadManifest.ReadFrom(target), AlreadyPresent: true);
        }

        if (Directory.Exists(target) && !request.Force && !DatasetInstaller.WasCutShort(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw DatasetException.At(
                target,
                $"exists but has no manifest.json (mmlu did not download it); pass {OptionText.Mention(nameof(DownloadRequest.Force))} to download into it (files mmlu did not write are kept), or choose another {OptionText.Mention(nameof(DownloadRequest.Target))}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var scratch = ScratchFolder.Create(target);
        var budget = new UnpackBudget(UnpackLimit.For(source, request.MaxUnpackedBytes));
        var (content, downloads) = await FetchAndLayOutAsync(source, request.Source, target, scratch.Path, budget, ct).ConfigureAwait(false);
        var from = request.Source?.ToString() ?? source.BaseUrl;
        var missing = source.Expected.Where(p => !Path.Exists(Path.Combine(content, p))).ToList();
        if (missing.Count > 0)
        {
            throw DatasetException.At(from, 0, $"the data does not have the {source.Name} layout ({source.Layout}): missing {string.Join(", ", missing)}");
        }

        if (new[] { DatasetCache.ManifestFileName, InstallJournal.FileName }.FirstOrDefault(f => Path.Exists(Path.Combine(content, f))) is { } reserved)
        {
            throw DatasetException.At(from, 0, $"the data holds a {reserved} of its own, a name mmlu keeps for itself; nothing was kept");
        }

        var manifest = new DownloadManifest(
            DownloadManifest.CurrentSchema,
            source.Name,
            request.Source is null ? source.Title : $"{source.Title}, from {request.Source}",
            [.. downloads.Select(d => d.Url!)],
            downloads,
            ListFiles(content),
            DateTimeOffset.UtcNow,
            request.ToolVersion);
        DatasetInstaller.Install(content, target, manifest);
        return new DownloadResult(target, manifest, AlreadyPresent: false);
    }

    private async Task<(string Content, List<ManifestFile> Downloads)> FetchAndLayOutAsync(
        DatasetSource source, Uri? sourceOverride, string target, string scratch, UnpackBudget budget, CancellationToken ct)
    {
        var fetched = Path.Combine(scratch, "fetched");
        var content = Path.Combine(scratch, "content");
        Directory.CreateDirectory(content);
        var hint = $"Download it elsewhere and put it in {target} ({source.Layout}), or pass --data DIR to mmlu run.";
        var fetcher = new FileFetcher(http, progress, StallTimeout);
        var downloads = new List<ManifestFile>();

        if (sourceOverride is not null && IsArchive(sourceOverride))
        {
            var archive = Path.Combine(fetched, "archive");
            downloads.Add(await fetcher.FetchAsync(sourceOverride, archive, Path.GetFileName(sourceOverride.AbsolutePath), null, hint, ct).ConfigureAwait(false));
            var unpacked = Path.Combine(scratch, "unpacked");
            ArchiveExtractor.Extract(archive, unpacked, sourceOverride.ToString(), budget);
            Directory.Delete(content);
            Directory.Move(SingleTopFolder(unpacked), content);
            return (content, downloads);
        }

        var baseUrl = (sourceOverride?.ToString() ?? source.BaseUrl).TrimEnd('/') + "/";
        foreach (var file in source.Files)
        {
            ct.ThrowIfCancellationRequested();
            var url = new Uri(new Uri(baseUrl), file.Path);
            var local = Path.Combine(file.Kind == SourceFileKind.Data ? content : fetched, file.Path);
            downloads.Add(await fetcher.FetchAsync(url, local, file.Path, file.Sha256, hint, ct).ConfigureAwait(false));
            if (file.Kind == SourceFileKind.MmluParquet)
            {
                await MmluParquetConverter.ConvertAsync(local, file.Split!, content, budget.Start(url.ToString(), new FileInfo(local).Length), ct).ConfigureAwait(false);
            }
            else if (file.Kind == SourceFileKind.Archive)
            {
                ArchiveExtractor.Extract(local, content, url.ToString(), budget);
            }
        }

        return (content, downloads);
    }

    private static bool IsArchive(Uri url) =>
        ArchiveEndings.Any(e => url.AbsolutePath.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The folder an archive's data is in: its only top-level folder (as in <c>data.tar</c>'s <c>data/</c>), else the folder itself.</summary>
    private static string SingleTopFolder(string unpacked)
    {
        var entries = Directory.GetFileSystemEntries(unpacked);
        return entries.Length == 1 && Directory.Exists(entries[0]) ? entries[0] : unpacked;
    }

    private static List<ManifestFile> ListFiles(string folder)
    {
        var files = new List<ManifestFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(path);
            var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
            files.Add(new ManifestFile(Path.GetRelativePath(folder, path).Replace('\\', '/'), stream.Length, sha));
        }

        return files;
    }
}
