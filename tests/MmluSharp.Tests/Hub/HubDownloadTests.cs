using Microsoft.Extensions.Time.Testing;
using MmluSharp.Models.Hub;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Hub;

/// <summary>Downloads from a loopback Hub into a real Hugging Face cache folder.</summary>
public sealed class HubDownloadTests : IAsyncLifetime, IDisposable
{
    private readonly HubFixture hub = new();

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync();

    public void Dispose() => hub.Dispose();

    [Fact]
    public async Task A_tag_downloads_its_file_into_the_hugging_face_cache_layout_with_a_link_and_a_ref()
    {
        using var client = hub.Client();
        var model = await client.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:f16"));

        var sha = FakeHub.Sha256(HubRepos.Llama2Tiny);
        Assert.Equal(hub.Repos.TinyMain, model.Commit);
        Assert.Equal("tiny-F16.gguf", Assert.Single(model.Files).Path);
        Assert.Equal(sha, model.Files[0].Sha256);
        Assert.Equal(HubRepos.Llama2Tiny.Length, model.Downloaded);
        Assert.True(model.AskedHub);
        Assert.Equal(Path.Combine(hub.RepoFolder(HubRepos.Tiny), "snapshots", hub.Repos.TinyMain, "tiny-F16.gguf"), model.LocalPath);
        Assert.Equal(Path.Combine("..", "..", "blobs", sha), new FileInfo(model.LocalPath).LinkTarget);
        Assert.Equal(HubRepos.Llama2Tiny, await File.ReadAllBytesAsync(model.LocalPath));
        Assert.Equal(hub.Repos.TinyMain, await File.ReadAllTextAsync(Path.Combine(hub.RepoFolder(HubRepos.Tiny), "refs", "main")));
        Assert.Equal(
            ["blobs", $"blobs/{sha}", "refs", "refs/main", "snapshots", $"snapshots/{hub.Repos.TinyMain}", $"snapshots/{hub.Repos.TinyMain}/tiny-F16.gguf"],
            hub.Entries(HubRepos.Tiny));
        Assert.Contains(hub.Progress, p => p.Completed && p.File == "tiny-F16.gguf" && p.Received == HubRepos.Llama2Tiny.Length);
    }

    private string ResolveUrl(string repo, string commit, string file) => $"{hub.Server.Endpoint}/{repo}/resolve/{commit}/{file}";

    [Fact]
    public async Task An_exact_file_path_selects_that_file()
    {
        using var client = hub.Client();
        var model = await client.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}/stories260K-F32.gguf"));

        Assert.Equal("stories260K-F32.gguf", Assert.Single(model.Files).Path);
        Assert.Equal(HubRepos.Stories, await File.ReadAllBytesAsync(model.LocalPath));
    }

    [Fact]
    public async Task A_revision_selects_the_commit_of_that_branch_and_a_commit_hash_works_too()
    {
        using var client = hub.Client();
        var v1 = await client.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:F16@v1"));
        var byCommit = await client.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:F16@{hub.Repos.TinyMain}"));

        Assert.Equal(hub.Repos.TinyV1, v1.Commit);
        Assert.Equal(FakeHub.Sha256(HubRepos.Stories), v1.Files[0].Sha256);
        Assert.Equal(HubRepos.Stories, await File.ReadAllBytesAsync(v1.LocalPath));
        Assert.Equal(hub.Repos.TinyV1, await File.ReadAllTextAsync(Path.Combine(hub.RepoFolder(HubRepos.Tiny), "refs", "v1")));
        Assert.Equal(hub.Repos.TinyMain, byCommit.Commit);
        Assert.Equal(HubRepos.Llama2Tiny, await File.ReadAllBytesAsync(byCommit.LocalPath));
    }

    [Fact]
    public async Task A_reference_already_in_the_cache_is_used_without_any_request()
    {
        using (var client = hub.Client())
        {
            await client.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:F16"));
        }

        var requests = hub.Server.Requests.Count;
        using var again = hub.Client();
        var model = await again.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:F16"));

        Assert.Equal(requests, hub.Server.Requests.Count);
        Assert.False(model.AskedHub);
        Assert.Equal(0, model.Downloaded);
        Assert.Equal(FakeHub.Sha256(HubRepos.Llama2Tiny), model.Files[0].Sha256);
        Assert.Equal(hub.Repos.TinyMain, model.Commit);
    }

    [Fact]
    public async Task A_cut_connection_keeps_the_partial_file_and_the_next_attempt_resumes_it_with_a_range_request()
    {
        // The connection is cut once the client has read the first MiB (it reports progress every MiB).
        const int cutAt = 1 << 20;
        var sha = FakeHub.Sha256(HubRepos.Llama2Tiny);
        hub.Server.CutAfter[sha] = cutAt;
        var received = hub.Received(cutAt);
        hub.Server.BeforeCut = () => received;
        using var client = hub.Client();
        var reference = HubReference.Parse($"{HubRepos.Tiny}:F16");

        var cut = await Assert.ThrowsAsync<HubException>(() => client.DownloadAsync(reference));
        Assert.StartsWith($"{ResolveUrl(HubRepos.Tiny, hub.Repos.TinyMain, "tiny-F16.gguf")}: the download broke off after 1048576 bytes: ", cut.Message, StringComparison.Ordinal);
        Assert.Equal(["blobs", $"blobs/{sha}.incomplete", "refs", "refs/main"], hub.Entries(HubRepos.Tiny));
        Assert.Equal(cutAt, new FileInfo(Path.Combine(hub.RepoFolder(HubRepos.Tiny), "blobs", sha + ".incomplete")).Length);

        var model = await client.DownloadAsync(reference);

        var cdn = hub.Server.RequestsTo("/cdn/");
        Assert.Equal(["", "bytes=1048576-"], cdn.Select(r => r.Range));
        Assert.Equal(HubRepos.Llama2Tiny, await File.ReadAllBytesAsync(model.LocalPath));
        Assert.Equal(HubRepos.Llama2Tiny.Length, model.Downloaded);
        Assert.DoesNotContain(hub.Entries(HubRepos.Tiny), e => e.EndsWith(".incomplete", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_partial_file_left_by_another_tool_is_continued_or_started_over_when_the_server_ignores_ranges(bool ignoreRange)
    {
        // What an interrupted huggingface-cli (or mmlu) leaves: blobs/<sha256>.incomplete.
        var sha = FakeHub.Sha256(HubRepos.Llama2Tiny);
        var blobs = Directory.CreateDirectory(Path.Combine(hub.RepoFolder(HubRepos.Tiny), "blobs")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(blobs, sha + ".incomplete"), HubRepos.Llama2Tiny[..700_000]);
        hub.Server.IgnoreRange = ignoreRange;
        using var client = hub.Client();

        var model = await client.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:F16"));

        Assert.Equal(["bytes=700000-"], hub.Server.RequestsTo("/cdn/").Select(r => r.Range));
        Assert.Equal(HubRepos.Llama2Tiny, await File.ReadAllBytesAsync(model.LocalPath));
        Assert.False(File.Exists(Path.Combine(blobs, sha + ".incomplete")));
        Assert.Contains(hub.Progress, p => p.Completed && p.Received == HubRepos.Llama2Tiny.Length);
        Assert.Equal(ignoreRange ? 0 : 700_000, hub.Progress.First().Received);
    }

    [Fact]
    public async Task A_checksum_mismatch_is_an_error_and_keeps_no_file()
    {
        var sha = FakeHub.Sha256(HubRepos.Llama2Tiny);
        hub.Server.Corrupt[sha] = true;
        using var client = hub.Client();
        var reference = HubReference.Parse($"{HubRepos.Tiny}:F16");

        var e = await Assert.ThrowsAsync<HubException>(() => client.DownloadAsync(reference));

        Assert.StartsWith($"{ResolveUrl(HubRepos.Tiny, hub.Repos.TinyMain, "tiny-F16.gguf")}: SHA-256 mismatch: expected {sha}, got ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("; the file was discarded", e.Message, StringComparison.Ordinal);
        Assert.Equal(["blobs", "refs", "refs/main"], hub.Entries(HubRepos.Tiny));

        hub.Server.Corrupt.Clear();
        var model = await client.DownloadAsync(reference);
        Assert.Equal(HubRepos.Llama2Tiny, await File.ReadAllBytesAsync(model.LocalPath));
        Assert.Equal(["", ""], hub.Server.RequestsTo("/cdn/").Select(r => r.Range));
    }

    [Fact]
    public async Task A_split_set_comes_whole_and_gets_its_names_only_once_every_part_is_verified()
    {
        var third = FakeHub.Sha256(HubRepos.StoriesParts[2]);
        hub.Server.Corrupt[third] = true;
        using var client = hub.Client();
        var reference = HubReference.Parse(HubRepos.Split);

        var e = await Assert.ThrowsAsync<HubException>(() => client.DownloadAsync(reference));
        Assert.Contains("stories260K-F32-00003-of-00003.gguf: SHA-256 mismatch", e.Message, StringComparison.Ordinal);
        var first = FakeHub.Sha256(HubRepos.StoriesParts[0]);
        var second = FakeHub.Sha256(HubRepos.StoriesParts[1]);
        Assert.Equal(new[] { "blobs", $"blobs/{first}", $"blobs/{second}", "refs", "refs/main" }.Order(StringComparer.Ordinal), hub.Entries(HubRepos.Split));

        hub.Server.Corrupt.Clear();
        var model = await client.DownloadAsync(reference);

        Assert.Equal(
            [HubRepos.SplitPart1, "stories260K-F32-00002-of-00003.gguf", "stories260K-F32-00003-of-00003.gguf"],
            model.Files.Select(f => f.Path));
        Assert.Equal(model.Files[0].LocalPath, model.LocalPath);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HubRepos.StoriesParts[i], await File.ReadAllBytesAsync(model.Files[i].LocalPath));
        }

        Assert.Equal(HubRepos.StoriesParts[2].Length, model.Downloaded);
        Assert.Equal(4, hub.Server.RequestsTo("/cdn/").Count);
    }

    [Fact]
    public async Task A_file_another_process_is_downloading_is_waited_for_and_not_downloaded_twice()
    {
        var time = new FakeTimeProvider();
        using var client = hub.Client(time: time);
        var sha = FakeHub.Sha256(HubRepos.Llama2Tiny);
        var lockPath = Path.Combine(hub.Cache, ".locks", HubCache.FolderName(HubRepos.Tiny), sha + ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var other = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var download = client.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:F16"));
        await hub.Waiting;
        Assert.False(download.IsCompleted);

        // The other process completes the blob and releases its lock.
        Directory.CreateDirectory(Path.Combine(hub.RepoFolder(HubRepos.Tiny), "blobs"));
        await File.WriteAllBytesAsync(Path.Combine(hub.RepoFolder(HubRepos.Tiny), "blobs", sha), HubRepos.Llama2Tiny);
        await other.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        var model = await download;

        Assert.Empty(hub.Server.RequestsTo("/cdn/"));
        Assert.Equal(0, model.Downloaded);
        Assert.Equal(HubRepos.Llama2Tiny, await File.ReadAllBytesAsync(model.LocalPath));
        Assert.Contains(hub.Progress, p => p.Waiting && p.File == "tiny-F16.gguf");
    }
}
