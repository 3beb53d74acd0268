using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace MmluSharp.Datasets.Download;

/// <summary>
/// Downloads one URL to <c>&lt;path&gt;.part</c>, hashing as it writes, checks size and SHA-256, then renames it
/// into place. A partial file is never kept: any failure deletes it, and the next attempt starts over.
/// <see cref="FetchResumableAsync"/> instead keeps a broken-off partial file and continues it with a range request.
/// </summary>
internal sealed class FileFetcher(HttpClient http, IProgress<DownloadProgress>? progress, TimeSpan stallTimeout)
{
    private const int ReportEvery = 1 << 20;

    /// <summary>Downloads <paramref name="url"/> to <paramref name="path"/>.</summary>
    /// <param name="url">What to fetch.</param>
    /// <param name="path">Where the complete file goes.</param>
    /// <param name="file">Its name in messages and progress.</param>
    /// <param name="expectedSha256">Checked when not null.</param>
    /// <param name="offlineHint">Appended to the message when the server cannot be reached.</param>
    /// <param name="ct">Cancels the download.</param>
    /// <exception cref="DatasetException">Unreachable, an HTTP error, a broken-off body or a wrong hash.</exception>
    public async Task<ManifestFile> FetchAsync(Uri url, string path, string file, string? expectedSha256, string offlineHint, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var part = path + ".part";
        try
        {
            using var response = await SendAsync(url, offlineHint, null, null, ct).ConfigureAwait(false);
            var total = response.Content.Headers.ContentLength;
            progress?.Report(new DownloadProgress(url, file, 0, total, false));
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var size = await CopyAsync(response, url, file, part, FileMode.Create, 0, total, hash, ct).ConfigureAwait(false);
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (total is { } announced && size != announced)
            {
                throw new DatasetException(string.Create(CultureInfo.InvariantCulture, $"{url}: incomplete download: {size} of {announced} bytes"));
            }

            if (expectedSha256 is not null && !string.Equals(sha, expectedSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new DatasetException($"{url}: SHA-256 mismatch: expected {expectedSha256}, got {sha}; the file was discarded");
            }

            File.Move(part, path, overwrite: true);
            progress?.Report(new DownloadProgress(url, file, size, size, true));
            return new ManifestFile(file, size, sha, url, expectedSha256 is not null);
        }
        finally
        {
            File.Delete(part);
        }
    }

    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="path"/> through <paramref name="partial"/>, which survives a
    /// broken-off transfer (or Ctrl+C) and is continued with <c>Range: bytes=N-</c> next time (started over when the
    /// server ignores the range). The file appears under <paramref name="path"/> only once complete and verified; a file
    /// with the wrong size or hash is deleted, partial copy included.
    /// </summary>
    /// <param name="url">What to fetch.</param>
    /// <param name="path">Where the complete file goes.</param>
    /// <param name="partial">The partial file, e.g. <c>&lt;blob&gt;.incomplete</c>.</param>
    /// <param name="file">Its name in messages and progress.</param>
    /// <param name="expectedSize">Checked when not null.</param>
    /// <param name="expectedSha256">Checked when not null.</param>
    /// <param name="offlineHint">Appended to the message when the server cannot be reached.</param>
    /// <param name="failure">Turns an HTTP error answer into the exception to throw; null gives the generic message.</param>
    /// <param name="ct">Cancels the download; the partial file is kept.</param>
    /// <exception cref="DatasetException">Unreachable, an HTTP error, a broken-off body, a wrong size or hash.</exception>
    public async Task<ManifestFile> FetchResumableAsync(
        Uri url, string path, string partial, string file, long? expectedSize, string? expectedSha256, string offlineHint,
        Func<HttpResponseMessage, Exception>? failure, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var start = await HashExistingAsync(partial, expectedSize, hash, ct).ConfigureAwait(false);
        long size;
        long? total;
        using (var response = await SendAsync(url, offlineHint, start > 0 ? start : null, failure, ct).ConfigureAwait(false))
        {
            if (start > 0 && !ContinuesAt(response, start))
            {
                // The server sent the whole file (or another range): start over.
                start = 0;
                hash.GetHashAndReset();
            }

            total = response.StatusCode == System.Net.HttpStatusCode.PartialContent
                ? response.Content.Headers.ContentRange?.Length ?? expectedSize
                : response.Content.Headers.ContentLength ?? expectedSize;
            progress?.Report(new DownloadProgress(url, file, start, total, false));
            size = await CopyAsync(response, url, file, partial, start > 0 ? FileMode.Append : FileMode.Create, start, total, hash, ct).ConfigureAwait(false);
        }

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        var wanted = expectedSize ?? total;
        if (wanted is { } announced && size != announced)
        {
            File.Delete(partial);
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture, $"{url}: wrong size: {size} bytes instead of {announced}; the file was discarded"));
        }

        if (expectedSha256 is not null && !string.Equals(sha, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(partial);
            throw new DatasetException($"{url}: SHA-256 mismatch: expected {expectedSha256}, got {sha}; the file was discarded");
        }

        File.Move(partial, path, overwrite: true);
        progress?.Report(new DownloadProgress(url, file, size, size, true));
        return new ManifestFile(file, size, sha, url, expectedSha256 is not null);
    }

    /// <summary>The reason a connection failed, in one line (the socket's message when there is one).</summary>
    internal static string Reason(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return OneLine(socket.Message);
            }
        }

        return OneLine(e.Message);
    }

    /// <summary>Feeds an existing partial file to <paramref name="hash"/>; returns its length (0 when it cannot be continued, and then it is gone).</summary>
    private static async Task<long> HashExistingAsync(string partial, long? expectedSize, IncrementalHash hash, CancellationToken ct)
    {
        if (!File.Exists(partial))
        {
            return 0;
        }

        if (IO.FileInspector.KindOf(partial) != IO.FileKind.Regular
            || new FileInfo(partial).Length is var length && (expectedSize is null || length == 0 || length >= expectedSize))
        {
            // Not a plain file, nothing to continue, nothing left to ask for, or no size to check a continuation against: start over.
            File.Delete(partial);
            return 0;
        }

        var buffer = new byte[1 << 16];
        await using var existing = new FileStream(partial, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        int read;
        while ((read = await existing.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return existing.Length;
    }

    private static bool ContinuesAt(HttpResponseMessage response, long start) =>
        response.StatusCode == System.Net.HttpStatusCode.PartialContent && response.Content.Headers.ContentRange is { From: { } from } && from == start;

    private async Task<HttpResponseMessage> SendAsync(Uri url, string offlineHint, long? rangeFrom, Func<HttpResponseMessage, Exception>? failure, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (rangeFrom is { } from)
            {
                request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(from, null);
            }

            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DatasetException($"cannot reach {url}: {Reason(e)}. {offlineHint}", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DatasetException($"cannot reach {url}: no answer in time. {offlineHint}", e);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            using var failed = response;
            if (failure is not null)
            {
                throw failure(response);
            }

            var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase;
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture, $"{url}: the server answered HTTP {status}{reason}"));
        }

        return response;
    }

    private async Task<long> CopyAsync(
        HttpResponseMessage response, Uri url, string file, string part, FileMode mode, long start, long? total, IncrementalHash hash, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        var size = start;
        var lastReport = start;
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using var output = mode == FileMode.Append ? IO.ScratchFile.Continue(part, useAsync: true) : IO.ScratchFile.Create(part, useAsync: true);
            while (true)
            {
                stall.CancelAfter(stallTimeout);
                var read = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                size += read;
                if (size - lastReport >= ReportEvery)
                {
                    lastReport = size;
                    progress?.Report(new DownloadProgress(url, file, size, total, false));
                }
            }
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture, $"{url}: the download stalled after {size} bytes (nothing for {stallTimeout.TotalSeconds:0} s)"), e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && !ct.IsCancellationRequested)
        {
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture, $"{url}: the download broke off after {size} bytes: {OneLine(e.Message)}"), e);
        }

        return size;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
