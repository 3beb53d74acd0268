using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Download;

public sealed class DownloaderTests : DownloadServerTests
{
    private const string ProTest = "data/test-00000-of-00001.parquet";
    private const string ProValidation = "data/validation-00000-of-00001.parquet";

    private protected override string? ServedFolder => SharedData.Dataset();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ServeMmluProAsync();
    }

    [Fact]
    public async Task MMLU_Pro_with_the_right_hashes_is_laid_out_and_gets_a_manifest()
    {
        var result = await Fixture.DownloadAsync("mmlu-pro", ProBase);

        var folder = Fixture.FolderOf("mmlu-pro");
        Assert.False(result.AlreadyPresent);
        Assert.Equal(folder, result.Folder);
        Assert.Equal(folder, DatasetCache.Find(Fixture.Cache, "mmlu-pro"));
        var manifest = DownloadManifest.ReadFrom(folder);
        Assert.Equal("mmlu-pro", manifest.Name);
        Assert.Equal("9.9.9", manifest.ToolVersion);
        Assert.Equal([new Uri(ProBase, ProTest), new Uri(ProBase, ProValidation)], manifest.Sources);
        Assert.All(manifest.Downloads, d => Assert.True(d.Verified));
        var test = manifest.Files.Single(f => f.Path == ProTest);
        Assert.Equal("b8c790c6cc613a4b71a413230db54bcf2e2053d876ffc4c4451c94908af9e1f5", test.Sha256);
        Assert.Equal(new FileInfo(SharedData.Dataset("mmlu-pro", "parquet", "test-00000-of-00001.parquet")).Length, test.Size);
        Assert.True(File.Exists(Path.Combine(folder, ProValidation)));
        Assert.Equal(["cache", "cache/mmlu-pro", "cache/mmlu-pro/data", "cache/mmlu-pro/data/test-00000-of-00001.parquet", "cache/mmlu-pro/data/validation-00000-of-00001.parquet", "cache/mmlu-pro/manifest.json"], Normalized(Fixture.Everything()));
        Assert.Contains(Fixture.Progress, p => p.Completed && p.File == ProTest);
    }

    [Fact]
    public async Task A_complete_folder_is_not_downloaded_again_unless_forced()
    {
        await Fixture.DownloadAsync("mmlu-pro", ProBase);
        var requests = Server.Requests.Count;

        var again = await Fixture.DownloadAsync("mmlu-pro", ProBase);
        Assert.True(again.AlreadyPresent);
        Assert.Equal(requests, Server.Requests.Count);

        var forced = await Fixture.DownloadAsync("mmlu-pro", ProBase, force: true);
        Assert.False(forced.AlreadyPresent);
        Assert.Equal(requests + 2, Server.Requests.Count);
    }

    [Fact]
    public async Task A_wrong_hash_is_an_error_and_leaves_no_file_and_no_manifest()
    {
        Server.Files["hf/TIGER-Lab/MMLU-Pro/" + ProValidation] = Server.Files["hf/TIGER-Lab/MMLU-Pro/" + ProTest];

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu-pro", ProBase));

        Assert.Equal(
            $"{new Uri(ProBase, ProValidation)}: SHA-256 mismatch: expected a6db33e44c7a8d6a0a9665aabe6596a5e7436bebb62412d1219821283835e457, got b8c790c6cc613a4b71a413230db54bcf2e2053d876ffc4c4451c94908af9e1f5; the file was discarded",
            e.Message);
        Assert.Null(DatasetCache.Find(Fixture.Cache, "mmlu-pro"));
        Assert.Equal(["cache"], Fixture.Everything());
    }

    [Theory]
    [InlineData(404, "Not Found")]
    [InlineData(500, "Internal Server Error")]
    public async Task An_HTTP_error_names_the_URL_and_the_status(int status, string reason)
    {
        Server.Status["hf/TIGER-Lab/MMLU-Pro/" + ProValidation] = status;

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu-pro", ProBase));

        Assert.Equal($"{new Uri(ProBase, ProValidation)}: the server answered HTTP {status} {reason}", e.Message);
        Assert.Equal(["cache"], Fixture.Everything());
    }

    [Fact]
    public async Task An_unreachable_server_gives_the_offline_message_on_one_line()
    {
        var refused = FileServer.RefusingUrl();

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu", refused));

        var url = new Uri(refused, "all/dev-00000-of-00001.parquet");
        Assert.StartsWith($"cannot reach {url}: Connection refused", e.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            $". Download it elsewhere and put it in {Fixture.FolderOf("mmlu")} (dev/, val/, test/ with <subject>_<split>.csv), or pass --data DIR to mmlu run.",
            e.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(["cache"], Fixture.Everything());
    }

    [Fact]
    public async Task A_body_that_breaks_off_is_not_taken_for_a_complete_file()
    {
        Server.Truncate["hf/TIGER-Lab/MMLU-Pro/" + ProTest] = true;

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu-pro", ProBase));

        Assert.StartsWith($"{new Uri(ProBase, ProTest)}: ", e.Message, StringComparison.Ordinal);
        Assert.Matches("broke off|incomplete", e.Message);
        Assert.Equal(["cache"], Fixture.Everything());
    }

    [Theory]
    [InlineData("cmmlu", "cmmlu/", 134, "dev/agronomy.csv")]
    [InlineData("mmlu-redux", "mmlu-redux/", 57, "mmlu_abstract_algebra.csv")]
    public async Task The_pinned_GitHub_sources_verify_every_file(string name, string served, int files, string oneFile)
    {
        var result = await Fixture.DownloadAsync(name, Server.Url(served));

        Assert.Equal(files, result.Manifest.Downloads.Count);
        Assert.All(result.Manifest.Downloads, d => Assert.True(d.Verified));
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(SharedData.Dataset(), served, oneFile)),
            await File.ReadAllBytesAsync(Path.Combine(result.Folder, oneFile)));
    }

    [Fact]
    public async Task A_folder_without_a_manifest_is_not_downloaded_into_without_force_naming_the_request_options_and_its_files_are_kept_with_it()
    {
        var folder = Fixture.FolderOf("mmlu-pro");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "mine.txt"), "keep me");

        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmlu-pro", ProBase));
        Assert.Equal($"{folder}: exists but has no manifest.json (mmlu did not download it); pass Force to download into it (files mmlu did not write are kept), or choose another Target", e.Message);
        Assert.EndsWith(
            "pass --force to download into it (files mmlu did not write are kept), or choose another --to",
            e.Describe(name => name switch { nameof(DownloadRequest.Force) => "--force", nameof(DownloadRequest.Target) => "--to", _ => name }),
            StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "mine.txt")));

        await Fixture.DownloadAsync("mmlu-pro", ProBase, force: true);
        Assert.Equal("keep me", await File.ReadAllTextAsync(Path.Combine(folder, "mine.txt")));
        Assert.NotNull(DatasetCache.Find(Fixture.Cache, "mmlu-pro"));
        Assert.DoesNotContain(DownloadManifest.ReadFrom(folder).Files, f => f.Path == "mine.txt");
    }

    [Fact]
    public async Task An_unknown_name_lists_the_known_ones()
    {
        var e = await Assert.ThrowsAsync<DatasetException>(() => Fixture.DownloadAsync("mmmlu", null));
        Assert.Equal("unknown dataset 'mmmlu': choose one of mmlu, cmmlu, mmlu-pro, mmlu-redux", e.Message);
    }

    private static string[] Normalized(string[] paths) => [.. paths.Select(p => p.Replace('\\', '/'))];
}
