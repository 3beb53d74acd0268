using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using MmluSharp.Testing;

namespace MmluSharp.Tests.Download;

/// <summary>
/// A Kestrel server on 127.0.0.1 (port 0) serving a folder (read-only, e.g. <c>shared/datasets</c>) and in-memory files,
/// with per-path status codes and truncated bodies for failure tests. Never the internet.
/// </summary>
internal sealed class FileServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FileServer(WebApplication app, string address, string? root)
    {
        this.app = app;
        Root = root;
        BaseUrl = new Uri(address + "/");
    }

    public Uri BaseUrl { get; }

    public string? Root { get; }

    /// <summary>Files served from memory, by path without the leading slash; they win over <see cref="Root"/>.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths answered with this status and no body.</summary>
    public ConcurrentDictionary<string, int> Status { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths whose body announces its full length but stops half way, then the connection is aborted.</summary>
    public ConcurrentDictionary<string, bool> Truncate { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Url(string path) => new(BaseUrl, path);

    public static async Task<FileServer> StartAsync(string? root = null)
    {
        FileServer? server = null;
        var (app, address) = await Loopback.StartAsync(app => app.MapGet("/{**path}", (HttpContext c, string path) => server!.ServeAsync(c, path)));
        server = new FileServer(app, address, root);
        return server;
    }

    /// <summary>A loopback URL nobody listens on (connection refused).</summary>
    public static Uri RefusingUrl() => new(Loopback.RefusingAddress() + "/");

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task ServeAsync(HttpContext context, string path)
    {
        Requests.Enqueue(path);
        if (Status.TryGetValue(path, out var status))
        {
            context.Response.StatusCode = status;
            return;
        }

        byte[]? bytes = Files.TryGetValue(path, out var inMemory) ? inMemory : null;
        if (bytes is null && Root is not null)
        {
            var full = Path.GetFullPath(Path.Combine(Root, path));
            if (full.StartsWith(Path.GetFullPath(Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
            {
                bytes = await File.ReadAllBytesAsync(full);
            }
        }

        if (bytes is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = bytes.Length;
        if (Truncate.ContainsKey(path))
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(bytes);
    }
}
