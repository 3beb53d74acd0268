using MmluSharp.Datasets.Download;
using MmluSharp.Models.Hub;
using MmluSharp.Testing;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Tests.Hub;

/// <summary>A fake Hub with the test repositories, a temporary Hugging Face cache, and clients configured as HF_* would.</summary>
public sealed class HubFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder temp = new();
    private HubRepos repos = null!;

    internal HubRepos Repos => repos;

    internal FakeHub Server => repos.Hub;

    public string Cache => Path.Combine(temp.Path, "hub");

    internal List<DownloadProgress> Progress { get; } = [];

    public async Task InitializeAsync() => repos = await HubRepos.StartAsync();

    public async Task DisposeAsync() => await repos.Hub.DisposeAsync();

    public void Dispose() => temp.Dispose();

    internal HubEnvironment Environment(string? token = null, bool offline = false) =>
        new(new Uri(Server.Endpoint), token, offline, Cache);

    internal HubClient Client(string? token = null, bool offline = false, TimeProvider? time = null) =>
        new(Environment(token, offline), new ListProgress(Progress, this)) { Time = time ?? TimeProvider.System };

    /// <summary>Completes once the client reports having received at least <paramref name="bytes"/> of a file.</summary>
    internal Task Received(long bytes)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (Progress)
        {
            awaited.Add((bytes, done));
        }

        return done.Task;
    }

    private readonly List<(long Bytes, TaskCompletionSource Done)> awaited = [];
    private readonly TaskCompletionSource waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the client reports it waits for another process's download.</summary>
    internal Task Waiting => waiting.Task;

    internal string RepoFolder(string repo) => Path.Combine(Cache, HubCache.FolderName(repo));

    /// <summary>Every entry under the repository's cache folder, relative and '/'-separated.</summary>
    internal string[] Entries(string repo) => Directory.Exists(RepoFolder(repo))
        ? [.. Directory.EnumerateFileSystemEntries(RepoFolder(repo), "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoFolder(repo), p).Replace('\\', '/')).Order(StringComparer.Ordinal)]
        : [];

    private sealed class ListProgress(List<DownloadProgress> into, HubFixture fixture) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value)
        {
            lock (into)
            {
                into.Add(value);
                if (value.Waiting)
                {
                    fixture.waiting.TrySetResult();
                }

                foreach (var (bytes, done) in fixture.awaited.Where(a => value.Received >= a.Bytes))
                {
                    done.TrySetResult();
                }
            }
        }
    }
}
