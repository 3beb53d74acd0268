using System.Text.Json;
using MmluSharp.Datasets.Download;

namespace MmluSharp.Models.Hub;

/// <summary>
/// The Hub's HTTP API as huggingface_hub uses it: <c>GET /api/models/{repo}/revision/{revision}?blobs=true</c> gives
/// the commit a revision points to and every file with its size and, for LFS files, <c>lfs.sha256</c>; files are then
/// fetched from <c>/{repo}/resolve/{commit}/{path}</c>.
/// </summary>
internal sealed class HubApi(HttpClient http, HubEnvironment environment)
{
    private readonly HubErrors errors = new(environment);

    /// <summary>How long the API may take to answer.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The commit and files of <paramref name="reference"/>'s repository at its revision.</summary>
    /// <exception cref="HubException">Unreachable, unknown repository or revision, no access, or not the Hub's answer.</exception>
    public async Task<HubRevision> GetRevisionAsync(HubReference reference, CancellationToken ct)
    {
        var url = new Uri($"{environment.EndpointText}/api/models/{reference.Repository}/revision/{Uri.EscapeDataString(reference.RevisionOrDefault)}?blobs=true");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw errors.FromResponse(response, reference, null);
            }

            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            return Parse(body, url);
        }
        catch (HttpRequestException e)
        {
            throw new HubException($"cannot reach {environment.EndpointText}: {FileFetcher.Reason(e)}. {OfflineHint}", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new HubException($"cannot reach {environment.EndpointText}: no answer in time. {OfflineHint}", e);
        }
    }

    /// <summary>The URL a file is downloaded from.</summary>
    public Uri ResolveUrl(string repository, string commit, string path) =>
        new($"{environment.EndpointText}/{repository}/resolve/{commit}/{string.Join('/', path.Split('/').Select(Uri.EscapeDataString))}");

    /// <summary>What to try when the Hub cannot be reached.</summary>
    public string OfflineHint => $"Check the network or HF_ENDPOINT; with HF_HUB_OFFLINE=1 only the cache ({environment.CacheRoot}) is used";

    private HubRevision Parse(byte[] body, Uri url)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var commit = root.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String ? sha.GetString()! : string.Empty;
            if (!HubReference.IsCommit(commit) || !root.TryGetProperty("siblings", out var siblings) || siblings.ValueKind != JsonValueKind.Array)
            {
                throw new HubException($"{url}: not the Hub's API answer (no commit 'sha' or no 'siblings')");
            }

            var files = new List<HubRepoFile>();
            foreach (var sibling in siblings.EnumerateArray())
            {
                if (ReadFile(sibling) is { } file)
                {
                    files.Add(file);
                }
            }

            return new HubRevision(commit, files);
        }
        catch (JsonException e)
        {
            throw new HubException($"{url}: not the Hub's API answer ({errors.Clean(e.Message)})", e);
        }
    }

    private static HubRepoFile? ReadFile(JsonElement sibling)
    {
        if (sibling.ValueKind != JsonValueKind.Object || String(sibling, "rfilename") is not { } path || !IsSafePath(path))
        {
            return null;
        }

        string? sha256 = null;
        long? size = Int64(sibling, "size");
        if (sibling.TryGetProperty("lfs", out var lfs) && lfs.ValueKind == JsonValueKind.Object)
        {
            sha256 = String(lfs, "sha256")?.ToLowerInvariant() ?? String(lfs, "oid")?.ToLowerInvariant();
            sha256 = sha256 is { Length: 64 } && sha256.All(Uri.IsHexDigit) ? sha256 : null;
            size = Int64(lfs, "size") ?? size;
        }

        var blobId = String(sibling, "blobId") is { } id && id.Length is 40 or 64 && id.All(Uri.IsHexDigit) ? id.ToLowerInvariant() : null;
        return new HubRepoFile(path, size, sha256, blobId);
    }

    // Paths end up under the snapshot folder and in messages: nothing absolute, no '..', no backslash, no control character.
    private static bool IsSafePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Any(c => c == '\\' || char.IsControl(c))
        && path.Split('/').All(s => s.Length > 0 && s is not ("." or ".."));

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Int64(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) && n >= 0 ? n : null;
}
