using MmluSharp.Datasets.Download;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Tests.Download;

/// <summary>A temporary cache root and a downloader; the cache root is passed explicitly, never through MMLU_HOME.</summary>
internal sealed class DownloadFixture : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string Cache => Path.Combine(temp.Path, "cache");

    public string Outside => temp.Path;

    public List<DownloadProgress> Progress { get; } = [];

    public DatasetDownloader Downloader => new(http, new SyncProgress(Progress));

    public string FolderOf(string name) => Path.Combine(Cache, name);

    public Task<DownloadResult> DownloadAsync(string name, Uri? source, bool force = false) =>
        Downloader.DownloadAsync(new DownloadRequest(name, FolderOf(name), source, force, "9.9.9"));

    /// <summary>Every file and folder under the temp folder, relative, for "nothing was left behind" checks.</summary>
    public string[] Everything() =>
        [.. Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(temp.Path, p)).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        http.Dispose();
        temp.Dispose();
    }

    private sealed class SyncProgress(List<DownloadProgress> into) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value)
        {
            lock (into)
            {
                into.Add(value);
            }
        }
    }
}
