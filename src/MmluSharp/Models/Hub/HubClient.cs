using System.Net.Http.Headers;
using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;

namespace MmluSharp.Models.Hub;

/// <summary>
/// Resolves Hub references and downloads their GGUF files into the Hugging Face cache. The cache answers first: a
/// reference whose revision and file are there is used without a request (a reference without a tag asks the Hub
/// which files it has, unless offline). Downloads resume, are checked against the Hub's SHA-256, and a model appears
/// in the snapshot folder only once every one of its files is complete and verified.
/// </summary>
public sealed class HubClient : IDisposable
{
    private readonly HubEnvironment environment;
    private readonly HttpClient http;
    private readonly HubApi api;
    private readonly HubErrors errors;
    private readonly IProgress<DownloadProgress>? progress;

    /// <summary>A client with its own HTTP stack: the token goes to the endpoint's host only, redirects are judged hop by hop.</summary>
    /// <param name="environment">Endpoint, token, offline mode and cache folder.</param>
    /// <param name="progress">Receives download progress unless a call gives its own.</param>
    /// <param name="userAgent">The product name sent as User-Agent.</param>
    public HubClient(HubEnvironment environment, IProgress<DownloadProgress>? progress = null, string userAgent = "mmlusharp")
    {
        this.environment = environment;
        this.progress = progress;
        http = CreateHttp(environment, userAgent);
        api = new HubApi(http, environment);
        errors = new HubErrors(environment);
    }

    /// <summary>How long a download may receive nothing before it is given up (the partial file is kept).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Waits between polls of another process's download lock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The endpoint, token, cache and offline setting the client works with.</summary>
    public HubEnvironment Environment => environment;

    /// <summary>Finds what <paramref name="reference"/> names, in the cache or on the Hub, without downloading it.</summary>
    /// <exception cref="HubException">It cannot be resolved.</exception>
    public async Task<HubModel> LocateAsync(HubReference reference, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var cache = new HubCache(environment.CacheRoot, reference.Repository);
        if (FromCache(reference, cache) is { } cached)
        {
            return cached;
        }

        if (environment.Offline)
        {
            throw new HubException(
                $"HF_HUB_OFFLINE is set and {reference} is not in the Hugging Face cache ({environment.CacheRoot}); unset HF_HUB_OFFLINE to download it");
        }

        var revision = await api.GetRevisionAsync(reference, ct).ConfigureAwait(false);
        cache.WriteRef(reference.RevisionOrDefault, revision.Commit);
        var where = $"{reference.Repository}@{reference.RevisionOrDefault}";
        var selected = HubFileSelector.Select([.. revision.Files.Select(f => f.Path)], reference, where);
        var files = selected.Select(path => revision.Files.First(f => f.Path == path)).Select(f => new HubModelFile(
            f.Path, f.Size, f.Sha256, f.BlobName ?? throw new HubException($"{where}: the Hub gives no blob id or SHA-256 for {f.Path}"),
            cache.SnapshotPath(revision.Commit, f.Path), api.ResolveUrl(reference.Repository, revision.Commit, f.Path))).ToList();
        return new HubModel(reference, revision.Commit, files, AskedHub: true);
    }

    /// <summary>Resolves <paramref name="reference"/> and downloads whatever of it the cache lacks.</summary>
    /// <exception cref="HubException">It cannot be resolved, downloaded or verified.</exception>
    public async Task<HubModel> DownloadAsync(HubReference reference, CancellationToken ct = default) =>
        await DownloadAsync(await LocateAsync(reference, ct).ConfigureAwait(false), progress, ct).ConfigureAwait(false);

    /// <summary>Downloads whatever of a located model the cache lacks, reporting to <paramref name="to"/>.</summary>
    /// <exception cref="HubException">It cannot be downloaded or verified.</exception>
    public async Task<HubModel> DownloadAsync(HubModel model, IProgress<DownloadProgress>? to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.IsComplete)
        {
            return model;
        }

        var cache = new HubCache(environment.CacheRoot, model.Reference.Repository);
        long downloaded = 0;
        foreach (var file in model.Files)
        {
            downloaded += await FetchBlobAsync(cache, model.Reference, file, to, ct).ConfigureAwait(false);
        }

        // Only now, with every part verified, does the model get its names in the snapshot.
        foreach (var file in model.Files)
        {
            cache.Link(model.Commit, file.Path, file.Blob);
        }

        return model with { Downloaded = downloaded };
    }

    /// <summary>The first <paramref name="count"/> bytes of a file (e.g. a GGUF header), read from the Hub without downloading the rest.</summary>
    public async Task<byte[]> ReadPrefixAsync(HubReference reference, HubModelFile file, int count, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, file.Url);
        request.Headers.Range = new RangeHeaderValue(0, count - 1);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(api.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw errors.FromResponse(response, reference, file.Path);
            }

            // A server that ignores the range sends the whole file: only its beginning is read.
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            var buffer = new byte[count];
            var read = await body.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, timeout.Token).ConfigureAwait(false);
            return buffer[..read];
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new HubException($"{file.Url}: {errors.OneLine(e is HttpRequestException h ? FileFetcher.Reason(h) : e.Message)}. {api.OfflineHint}", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new HubException($"{file.Url}: no answer in time. {api.OfflineHint}", e);
        }
    }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose() => http.Dispose();

    private HubModel? FromCache(HubReference reference, HubCache cache)
    {
        // Without a tag the choice depends on every file of the repository, which only the Hub knows; offline, the
        // cached files are all there is (as llama.cpp does).
        if (reference.File is null && reference.Quant is null && !environment.Offline)
        {
            return null;
        }

        if (cache.ReadRef(reference.RevisionOrDefault) is not { } commit || cache.ListSnapshot(commit) is not { Count: > 0 } paths)
        {
            return null;
        }

        IReadOnlyList<string> selected;
        try
        {
            selected = HubFileSelector.Select(paths, reference, $"{reference.Repository}@{reference.RevisionOrDefault} (in the cache)");
        }
        catch (HubException) when (!environment.Offline)
        {
            return null;
        }

        var files = selected.Select(path =>
        {
            var local = cache.SnapshotPath(commit, path);
            var blob = HubCache.BlobNameOf(local);
            var sha = blob is { Length: 64 } && blob.All(Uri.IsHexDigit) ? blob : null;
            return new HubModelFile(path, HubCache.Size(local), sha, blob ?? string.Empty, local, api.ResolveUrl(reference.Repository, commit, path));
        }).ToList();
        return new HubModel(reference, commit, files, AskedHub: false);
    }

    private async Task<long> FetchBlobAsync(HubCache cache, HubReference reference, HubModelFile file, IProgress<DownloadProgress>? report, CancellationToken ct)
    {
        var blob = cache.BlobPath(file.Blob);
        if (File.Exists(blob))
        {
            return 0;
        }

        using var held = await HubFileLock.AcquireAsync(
            cache.LockPath(file.Blob), Time, () => report?.Report(new DownloadProgress(file.Url, file.Path, 0, file.Size, false, Waiting: true)), ct)
            .ConfigureAwait(false);
        if (File.Exists(blob))
        {
            return 0; // another process finished it while this one waited
        }

        var fetcher = new FileFetcher(http, report, StallTimeout);
        try
        {
            var done = await fetcher.FetchResumableAsync(
                file.Url, blob, cache.IncompletePath(file.Blob), file.Path, file.Size, file.Sha256, api.OfflineHint,
                response => errors.FromResponse(response, reference, file.Path), ct).ConfigureAwait(false);
            return done.Size;
        }
        catch (DatasetException e)
        {
            throw new HubException(errors.OneLine(e.Message), e);
        }
    }

    private static HttpClient CreateHttp(HubEnvironment environment, string userAgent)
    {
        var inner = new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(30) };
        var http = new HttpClient(new HubAuthHandler(environment.Endpoint, environment.Token) { InnerHandler = inner })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue(userAgent, typeof(HubClient).Assembly.GetName().Version?.ToString(3) ?? "0"));
        return http;
    }
}
