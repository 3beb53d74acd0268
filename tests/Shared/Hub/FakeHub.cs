using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace MmluSharp.Testing;

/// <summary>
/// A loopback stand-in for the Hugging Face Hub, reached through <c>HF_ENDPOINT</c>: the API's
/// <c>/api/models/{repo}/revision/{rev}?blobs=true</c>, the <c>/{repo}/resolve/{rev}/{path}</c> URLs (LFS files answer
/// 302 to a "CDN" on another host name, <c>localhost</c>, with <c>X-Repo-Commit</c>, <c>X-Linked-Etag</c> and
/// <c>X-Linked-Size</c>, as the Hub does), the Hub's error headers, gated repositories, and range requests. Every request
/// is recorded; a file can be cut off once or served corrupted.
/// </summary>
internal sealed class FakeHub : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Repo> repos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> blobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> renamed = new(StringComparer.Ordinal);

    private FakeHub(WebApplication app, string address)
    {
        this.app = app;
        Endpoint = address;
        Port = new Uri(address).Port;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>: what <c>HF_ENDPOINT</c> is set to.</summary>
    public string Endpoint { get; }

    public int Port { get; }

    public ConcurrentQueue<HubRequest> Requests { get; } = new();

    /// <summary>Blobs (by SHA-256) whose next download stops after this many bytes of the body, once.</summary>
    public ConcurrentDictionary<string, long> CutAfter { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Awaited between sending the bytes before a cut and cutting the connection, so a test can wait until the client
    /// has read them (a reset can make the client's network stack drop bytes it has received but not yet read).
    /// </summary>
    public Func<Task> BeforeCut { get; set; } = () => Task.CompletedTask;

    /// <summary>Blobs (by SHA-256) served with one byte changed.</summary>
    public ConcurrentDictionary<string, bool> Corrupt { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, the CDN ignores range requests and always sends the whole file (200), as some mirrors do.</summary>
    public bool IgnoreRange { get; set; }

    /// <summary>When set, error messages repeat the Authorization header received, as a careless mirror might.</summary>
    public bool EchoAuthorization { get; set; }

    public static async Task<FakeHub> StartAsync()
    {
        FakeHub? hub = null;
        var (app, address) = await Loopback.StartAsync(a =>
        {
            a.MapGet("/api/models/{owner}/{name}/revision/{revision}", (HttpContext c, string owner, string name, string revision) => hub!.ApiAsync(c, owner + "/" + name, revision));
            a.MapGet("/{owner}/{name}/resolve/{revision}/{**path}", (HttpContext c, string owner, string name, string revision, string path) => hub!.ResolveAsync(c, owner + "/" + name, revision, path));
            a.MapGet("/cdn/{sha}", (HttpContext c, string sha) => hub!.CdnAsync(c, sha));
        });
        hub = new FakeHub(app, address);
        return hub;
    }

    /// <summary>Adds a commit of <paramref name="repo"/> holding <paramref name="files"/>, reached by <paramref name="branch"/>; returns its hash.</summary>
    public string Commit(string repo, string branch, IReadOnlyDictionary<string, byte[]> files, string? gatedToken = null)
    {
        var r = repos.GetOrAdd(repo, _ => new Repo(gatedToken));
        var commit = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(repo + "\n" + branch + "\n" + string.Join("\n", files.Keys.Order(StringComparer.Ordinal)) + r.Commits.Count)));
        r.Commits[commit] = files;
        r.Branches[branch] = commit;
        foreach (var bytes in files.Values)
        {
            blobs[Sha256(bytes)] = bytes;
        }

        return commit;
    }

    /// <summary>Answers requests for <paramref name="old"/> with a relative 307 to <paramref name="current"/>, as the Hub does for a renamed repository.</summary>
    public void Rename(string old, string current) => renamed[old] = current;

    /// <summary>Requests whose path starts with <paramref name="prefix"/>.</summary>
    public List<HubRequest> RequestsTo(string prefix) => [.. Requests.Where(r => r.Path.StartsWith(prefix, StringComparison.Ordinal))];

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private void Record(HttpContext c) => Requests.Enqueue(new HubRequest(
        c.Request.Host.Host, c.Request.Path.Value!, c.Request.Headers.Range.ToString(), c.Request.Headers.Authorization.ToString()));

    /// <summary>The repository a request is for; null when the request is answered already (renamed or unknown).</summary>
    private async Task<Repo?> FindAsync(HttpContext c, string repo)
    {
        Record(c);
        if (renamed.TryGetValue(repo, out var current))
        {
            c.Response.StatusCode = 307;
            c.Response.Headers.Location = c.Request.Path.Value!.Replace("/" + repo + "/", "/" + current + "/", StringComparison.Ordinal) + c.Request.QueryString;
            return null;
        }

        if (!repos.TryGetValue(repo, out var r))
        {
            await ErrorAsync(c, 401, "RepoNotFound", "Repository not found");
        }

        return r;
    }

    private async Task ApiAsync(HttpContext c, string repo, string revision)
    {
        if (await FindAsync(c, repo) is not { } r)
        {
            return;
        }

        var commit = r.Resolve(revision);
        if (commit is null)
        {
            await ErrorAsync(c, 404, "RevisionNotFound", $"Invalid rev id: {revision}");
            return;
        }

        var siblings = r.Commits[commit].OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => IsLfs(f.Key)
            ? (object)new { rfilename = f.Key, blobId = GitBlobId(Pointer(f.Value)), size = f.Value.Length, lfs = new { sha256 = Sha256(f.Value), size = f.Value.Length, pointerSize = Pointer(f.Value).Length } }
            : new { rfilename = f.Key, blobId = GitBlobId(f.Value), size = f.Value.Length });
        await JsonAsync(c, 200, new { id = repo, sha = commit, gated = r.GatedToken is null ? (object)false : "manual", @private = false, siblings });
    }

    private async Task ResolveAsync(HttpContext c, string repo, string revision, string path)
    {
        if (await FindAsync(c, repo) is not { } r)
        {
            return;
        }

        if (r.GatedToken is { } token && c.Request.Headers.Authorization.ToString() != "Bearer " + token)
        {
            var (status, message) = c.Request.Headers.Authorization.Count == 0
                ? (401, $"Access to model {repo} is restricted. You must have access to it and be authenticated to access it. Please log in.")
                : (403, $"Access to model {repo} is restricted and you are not in the authorized list. Visit {Endpoint}/{repo} to ask for access.");
            await ErrorAsync(c, status, "GatedRepo", EchoAuthorization ? $"{message} (received {c.Request.Headers.Authorization})" : message);
            return;
        }

        if (r.Resolve(revision) is not { } commit)
        {
            await ErrorAsync(c, 404, "RevisionNotFound", $"Invalid rev id: {revision}");
            return;
        }

        if (!r.Commits[commit].TryGetValue(Uri.UnescapeDataString(path), out var bytes))
        {
            await ErrorAsync(c, 404, "EntryNotFound", $"{path} does not exist on \"{revision}\"");
            return;
        }

        c.Response.Headers["X-Repo-Commit"] = commit;
        if (IsLfs(path))
        {
            var sha = Sha256(bytes);
            c.Response.Headers["X-Linked-Etag"] = $"\"{sha}\"";
            c.Response.Headers["X-Linked-Size"] = bytes.Length.ToString(CultureInfo.InvariantCulture);
            c.Response.Headers.ETag = $"\"{GitBlobId(Pointer(bytes))}\"";
            c.Response.Redirect($"http://localhost:{Port.ToString(CultureInfo.InvariantCulture)}/cdn/{sha}?token=signed");
            return;
        }

        c.Response.Headers.ETag = $"\"{GitBlobId(bytes)}\"";
        await ServeAsync(c, bytes, null);
    }

    private async Task CdnAsync(HttpContext c, string sha)
    {
        Record(c);
        if (!blobs.TryGetValue(sha, out var bytes))
        {
            c.Response.StatusCode = 404;
            return;
        }

        if (Corrupt.ContainsKey(sha))
        {
            bytes = (byte[])bytes.Clone();
            bytes[bytes.Length / 2] ^= 0xFF;
        }

        await ServeAsync(c, bytes, CutAfter.TryRemove(sha, out var cut) ? cut : null);
    }

    private async Task ServeAsync(HttpContext c, byte[] bytes, long? cutAfter)
    {
        long from = 0;
        long to = bytes.Length - 1;
        if (!IgnoreRange && c.Request.Headers.Range.ToString() is { Length: > 0 } range && range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            var parts = range["bytes=".Length..].Split('-');
            from = long.Parse(parts[0], CultureInfo.InvariantCulture);
            to = parts[1].Length > 0 ? Math.Min(long.Parse(parts[1], CultureInfo.InvariantCulture), to) : to;
            c.Response.StatusCode = 206;
            c.Response.Headers.ContentRange = $"bytes {from}-{to}/{bytes.Length}";
        }

        c.Response.Headers.AcceptRanges = "bytes";
        c.Response.ContentType = "application/octet-stream";
        c.Response.ContentLength = to - from + 1;
        var body = bytes.AsMemory((int)from, (int)(to - from + 1));
        if (cutAfter is { } cut && cut < body.Length)
        {
            await c.Response.Body.WriteAsync(body[..(int)cut]);
            await c.Response.Body.FlushAsync();
            await BeforeCut().WaitAsync(TimeSpan.FromMinutes(1));
            c.Features.Get<IConnectionSocketFeature>()!.Socket.Shutdown(SocketShutdown.Send);
            c.Abort();
            return;
        }

        await c.Response.Body.WriteAsync(body);
    }

    private static Task ErrorAsync(HttpContext c, int status, string code, string message)
    {
        c.Response.Headers["X-Error-Code"] = code;
        c.Response.Headers["X-Error-Message"] = message;
        return JsonAsync(c, status, new { error = message });
    }

    private static Task JsonAsync(HttpContext c, int status, object value)
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        return c.Response.WriteAsync(JsonSerializer.Serialize(value));
    }

    private static bool IsLfs(string path) => path.EndsWith(".gguf", StringComparison.Ordinal);

    private static byte[] Pointer(byte[] bytes) => Encoding.ASCII.GetBytes(
        $"version https://git-lfs.github.com/spec/v1\noid sha256:{Sha256(bytes)}\nsize {bytes.Length.ToString(CultureInfo.InvariantCulture)}\n");

    private static string GitBlobId(byte[] bytes) =>
        Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length.ToString(CultureInfo.InvariantCulture)}\0"), .. bytes]));

    private sealed class Repo(string? gatedToken)
    {
        public string? GatedToken { get; } = gatedToken;

        public ConcurrentDictionary<string, IReadOnlyDictionary<string, byte[]>> Commits { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, string> Branches { get; } = new(StringComparer.Ordinal);

        public string? Resolve(string revision) =>
            Commits.ContainsKey(revision) ? revision : Branches.GetValueOrDefault(revision);
    }
}
