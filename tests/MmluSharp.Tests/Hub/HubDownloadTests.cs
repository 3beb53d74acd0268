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

    [Fact]
    public async Task The_token_goes_to_the_hub_only_never_to_the_cdn_it_redirects_to()
    {
        using var client = hub.Client(token: HubRepos.GatedToken);
        var model = await client.DownloadAsync(HubReference.Parse(HubRepos.Gated));

        Assert.Equal(HubRepos.Llama2Tiny, await File.ReadAllBytesAsync(model.LocalPath));
        var hubRequests = hub.Server.Requests.Where(r => r.Host == "127.0.0.1").ToList();
        var cdnRequests = hub.Server.Requests.Where(r => r.Host == "localhost").ToList();
        Assert.Equal(2, hubRequests.Count);
        Assert.All(hubRequests, r => Assert.Equal("Bearer " + HubRepos.GatedToken, r.Authorization));
        Assert.Single(cdnRequests);
        Assert.All(cdnRequests, r => Assert.Equal(string.Empty, r.Authorization));
    }

    [Fact]
    public async Task A_renamed_repository_is_followed_with_the_token_as_the_hub_redirects_within_itself()
    {
        hub.Server.Rename("mmlusharp/old-name", HubRepos.Gated);
        using var client = hub.Client(token: HubRepos.GatedToken);
        var model = await client.DownloadAsync(HubReference.Parse("mmlusharp/old-name:Q8_0"));

        Assert.Equal(HubRepos.Llama2Tiny, await File.ReadAllBytesAsync(model.LocalPath));
        Assert.Equal(
            ["/api/models/mmlusharp/old-name/revision/main", "/api/models/mmlusharp/gated-GGUF/revision/main",
             $"/mmlusharp/old-name/resolve/{model.Commit}/tiny-Q8_0.gguf", $"/mmlusharp/gated-GGUF/resolve/{model.Commit}/tiny-Q8_0.gguf"],
            hub.Server.Requests.Where(r => r.Host == "127.0.0.1").Select(r => r.Path));
        Assert.All(hub.Server.Requests.Where(r => r.Host == "127.0.0.1"), r => Assert.Equal("Bearer " + HubRepos.GatedToken, r.Authorization));
        Assert.All(hub.Server.Requests.Where(r => r.Host == "localhost"), r => Assert.Equal(string.Empty, r.Authorization));
        Assert.StartsWith(Path.Combine(hub.Cache, "models--mmlusharp--old-name"), model.LocalPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gated_repository_without_a_token_says_how_to_get_access()
    {
        using var client = hub.Client();
        var e = await Assert.ThrowsAsync<HubException>(() => client.DownloadAsync(HubReference.Parse(HubRepos.Gated)));

        Assert.Equal(
            $"{HubRepos.Gated} is a gated repository: accept its conditions at {hub.Server.Endpoint}/{HubRepos.Gated} and set HF_TOKEN (HTTP 401): " +
            $"Access to model {HubRepos.Gated} is restricted. You must have access to it and be authenticated to access it. Please log in.",
            e.Message);
        Assert.DoesNotContain(hub.Entries(HubRepos.Gated), x => x.StartsWith("blobs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_without_access_is_refused_and_never_printed()
    {
        const string wrong = "hf_SomebodyElsesTokenWithoutAccess000000";
        hub.Server.EchoAuthorization = true;
        using var client = hub.Client(token: wrong);
        var e = await Assert.ThrowsAsync<HubException>(() => client.DownloadAsync(HubReference.Parse(HubRepos.Gated)));

        Assert.StartsWith($"{HubRepos.Gated} is a gated repository and HF_TOKEN has no access to it: request access at {hub.Server.Endpoint}/{HubRepos.Gated} (HTTP 403)", e.Message, StringComparison.Ordinal);
        Assert.Contains("Bearer [REDACTED]", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_without_a_cached_copy_fails_in_one_line_without_a_request()
    {
        using var client = hub.Client(offline: true);
        var e = await Assert.ThrowsAsync<HubException>(() => client.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:F16")));

        Assert.Equal($"HF_HUB_OFFLINE is set and {HubRepos.Tiny}:F16 is not in the Hugging Face cache ({hub.Cache}); unset HF_HUB_OFFLINE to download it", e.Message);
        Assert.Empty(hub.Server.Requests);
    }

    [Fact]
    public async Task Offline_a_cached_model_is_found_by_tag_and_without_a_tag_and_nothing_is_requested()
    {
        using (var online = hub.Client())
        {
            await online.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:F16"));
        }

        var requests = hub.Server.Requests.Count;
        using var offline = hub.Client(offline: true);
        var byTag = await offline.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:f16"));
        var noTag = await offline.DownloadAsync(HubReference.Parse(HubRepos.Tiny));
        var otherTag = await Assert.ThrowsAsync<HubException>(() => offline.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:Q8_0")));

        Assert.Equal(requests, hub.Server.Requests.Count);
        Assert.Equal("tiny-F16.gguf", byTag.Files[0].Path);
        Assert.Equal("tiny-F16.gguf", noTag.Files[0].Path);
        Assert.Equal($"{HubRepos.Tiny}@main (in the cache) has no GGUF model for tag Q8_0; available tags: F16 (or name a file: {HubRepos.Tiny}/<path>)", otherTag.Message);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_one_line_naming_it_and_the_way_out()
    {
        var nobody = Loopback.RefusingAddress();
        using var client = new HubClient(hub.Environment() with { Endpoint = new Uri(nobody) });

        var e = await Assert.ThrowsAsync<HubException>(() => client.DownloadAsync(HubReference.Parse($"{HubRepos.Tiny}:F16")));

        Assert.Equal($"cannot reach {nobody}: Connection refused. Check the network or HF_ENDPOINT; with HF_HUB_OFFLINE=1 only the cache ({hub.Cache}) is used", e.Message);
    }

    [Theory]
    [InlineData("mmlusharp/nope:Q8_0", "unknown repository mmlusharp/nope on {endpoint} (or private or gated: set HF_TOKEN) (HTTP 401): Repository not found")]
    [InlineData(HubRepos.NoGguf, "mmlusharp/no-gguf@main has no GGUF model file; files: README.md, config.json")]
    [InlineData(HubRepos.Tiny + ":F16@v9", "mmlusharp/tiny-GGUF has no revision 'v9' (HTTP 404): Invalid rev id: v9")]
    [InlineData(HubRepos.Tiny + ":F32", "mmlusharp/tiny-GGUF@main: tag F32 matches 2 models: split/stories260K-F32-00001-of-00003.gguf, stories260K-F32.gguf; name one with mmlusharp/tiny-GGUF/<path>")]
    [InlineData(HubRepos.Tiny + ":Q4_K_M", "mmlusharp/tiny-GGUF@main has no GGUF model for tag Q4_K_M; available models: split/stories260K-F32-00001-of-00003.gguf, stories260K-F32.gguf, tiny-F16.gguf; name one with mmlusharp/tiny-GGUF/<path>")]
    [InlineData(HubRepos.Tiny, "mmlusharp/tiny-GGUF@main holds 3 GGUF models and none is Q4_K_M or Q8_0: choose one; available models: split/stories260K-F32-00001-of-00003.gguf, stories260K-F32.gguf, tiny-F16.gguf; name one with mmlusharp/tiny-GGUF/<path>")]
    [InlineData(HubRepos.Tiny + "/missing-Q8_0.gguf", "mmlusharp/tiny-GGUF@main has no file 'missing-Q8_0.gguf'; GGUF files: mmproj-tiny-F16.gguf, split/stories260K-F32-00001-of-00003.gguf, split/stories260K-F32-00002-of-00003.gguf, split/stories260K-F32-00003-of-00003.gguf, stories260K-F32.gguf, tiny-F16.gguf")]
    public async Task Errors_are_one_line_naming_the_repository_and_the_choices(string reference, string message)
    {
        using var client = hub.Client();
        var e = await Assert.ThrowsAsync<HubException>(() => client.DownloadAsync(HubReference.Parse(reference)));

        Assert.Equal(message.Replace("{endpoint}", hub.Server.Endpoint, StringComparison.Ordinal), e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(hub.Server.RequestsTo("/cdn/"));
    }
}
