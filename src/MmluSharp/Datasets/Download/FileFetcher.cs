using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace MmluSharp.Datasets.Download;

/// <summary>
/// Downloads one URL to <c>&lt;path&gt;.part</c>, hashing as it writes, checks size and SHA-256, then renames it
/// into place. A partial file is never kept: any failure deletes it, and the next attempt starts over.
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
            using var response = await SendAsync(url, offlineHint, ct).ConfigureAwait(false);
            var total = response.Content.Headers.ContentLength;
            progress?.Report(new DownloadProgress(url, file, 0, total, false));
            var (size, sha) = await CopyAsync(response, url, file, part, total, ct).ConfigureAwait(false);
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

    private async Task<HttpResponseMessage> SendAsync(Uri url, string offlineHint, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
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
            var reason = string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase;
            throw new DatasetException(string.Create(CultureInfo.InvariantCulture, $"{url}: the server answered HTTP {status}{reason}"));
        }

        return response;
    }

    private async Task<(long Size, string Sha256)> CopyAsync(HttpResponseMessage response, Uri url, string file, string part, long? total, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long size = 0;
        long lastReport = 0;
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            await using var output = IO.ScratchFile.Create(part, useAsync: true);
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

        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string Reason(HttpRequestException e)
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

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
