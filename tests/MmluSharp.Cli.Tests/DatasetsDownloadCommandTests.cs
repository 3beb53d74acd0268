using System.Globalization;
using MmluSharp.Datasets.Download;
using MmluSharp.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MmluSharp.Cli.Tests;

/// <summary><c>mmlu datasets download</c> against a loopback server serving <c>shared/datasets</c>; always with <c>--to</c>, never MMLU_HOME.</summary>
public sealed class DatasetsDownloadCommandTests
{
    /// <summary>Serves <c>/mmlu-pro/parquet/*</c> from the shared folder as <c>/data/*</c>, the MMLU-Pro layout on Hugging Face.</summary>
    private static async Task<(WebApplication App, string BaseUrl)> ServeMmluProAsync()
    {
        var (app, address) = await Loopback.StartAsync(app => app.MapGet("/data/{file}", (string file) =>
        {
            var path = SharedData.Dataset("mmlu-pro", "parquet", file);
            return file.Contains("..", StringComparison.Ordinal) || !File.Exists(path) ? Microsoft.AspNetCore.Http.Results.NotFound() : Microsoft.AspNetCore.Http.Results.File(path, "application/octet-stream");
        }));
        return (app, address + "/");
    }

    private static string Flat(string output) => output.ReplaceLineEndings(string.Empty);

    [Fact]
    public async Task Downloading_mmlu_pro_from_a_mirror_writes_the_folder_and_its_manifest()
    {
        var (app, baseUrl) = await ServeMmluProAsync();
        await using var _ = app;
        var to = Path.Combine(Cli.TempFolder("download"), "mmlu-pro");

        var result = await Cli.RunAsync("datasets", "download", "mmlu-pro", "--to", to, "--source", baseUrl);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SHA-256 verified for 2 of 2 downloads", Flat(result.Output), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(to, DatasetCache.ManifestFileName)));
        Assert.True(File.Exists(Path.Combine(to, "data", "test-00000-of-00001.parquet")));

        var again = await Cli.RunAsync("datasets", "download", "mmlu-pro", "--to", to, "--source", baseUrl);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already holds mmlu-pro", Flat(again.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_source_is_one_error_line_with_exit_code_2_and_leaves_nothing()
    {
        var refusing = Loopback.RefusingAddress();
        var temp = Cli.TempFolder("download-offline");
        var to = Path.Combine(temp, "mmlu");

        var result = await Cli.RunAsync("datasets", "download", "mmlu", "--to", to, "--source", refusing + "/");

        Assert.Equal(2, result.ExitCode);
        var output = Flat(result.Output);
        Assert.StartsWith($"error: cannot reach {refusing}/all/dev-00000-of-00001.parquet: ", output, StringComparison.Ordinal);
        Assert.Contains($"Download it elsewhere and put it in {to} (dev/, val/, test/", output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
    }

    [Fact]
    public async Task A_missing_file_on_the_mirror_is_exit_code_2_naming_the_URL()
    {
        var (app, baseUrl) = await ServeMmluProAsync();
        await using var _ = app;
        var to = Path.Combine(Cli.TempFolder("download-404"), "mmlu-pro");

        var result = await Cli.RunAsync("datasets", "download", "mmlu", "--to", to, "--source", baseUrl);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{baseUrl}all/dev-00000-of-00001.parquet: the server answered HTTP 404 Not Found", Flat(result.Output), StringComparison.Ordinal);
        Assert.False(Directory.Exists(to));
    }

    [Fact]
    public void An_unknown_name_is_exit_code_2()
    {
        var result = Cli.Run("datasets", "download", "mmmlu", "--to", Path.Combine(Cli.TempFolder("download-unknown"), "mmmlu"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown dataset 'mmmlu': choose one of mmlu, cmmlu, mmlu-pro, mmlu-redux", Flat(result.Output), StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_that_is_not_an_http_URL_is_a_usage_error()
    {
        var result = Cli.Run("datasets", "download", "mmlu", "--source", "ftp://example.org/data.tar");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--source must be an http:// or https:// URL", Flat(result.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_bomb_is_one_line_and_exit_2_and_installs_nothing()
    {
        var bomb = MmluSharp.Tests.Download.Archives.GzipTarOfZeros(64, 1 << 20);
        var (app, address) = await Loopback.StartAsync(app => app.MapGet("/bomb.tar.gz", () => Microsoft.AspNetCore.Http.Results.Bytes(bomb, "application/gzip")));
        await using var _ = app;
        var temp = Cli.TempFolder("download-bomb");
        var to = Path.Combine(temp, "mmlu");

        var (code, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), "datasets", "download", "mmlu", "--to", to, "--source", address + "/bomb.tar.gz");

        Assert.Equal(2, code);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"error: {address}/bomb.tar.gz: refused: it unpacks to more than 100 times its own {bomb.Length / 1048576.0:0.0} MiB, as a compression bomb does (if it is genuine, set --max-unpacked or MMLU_MAX_UNPACKED); nothing was kept"),
            Flat(output));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
    }

    [Fact]
    public async Task The_unpacked_cap_is_read_from_the_environment_and_a_bad_size_is_named()
    {
        var temp = Cli.TempFolder("download-cap");
        var to = Path.Combine(temp, "mmlu");
        var tar = MmluSharp.Tests.Download.Archives.TarOf(SharedData.Mmlu, "data");
        var (app, address) = await Loopback.StartAsync(app => app.MapGet("/data.tar", () => Microsoft.AspNetCore.Http.Results.Bytes(tar, "application/x-tar")));
        await using var _ = app;

        var (capped, cappedOutput) = await MmluProcess.RunAsync(new Dictionary<string, string> { ["MMLU_MAX_UNPACKED"] = "2M" }, "datasets", "download", "mmlu", "--to", to, "--source", address + "/data.tar");
        var (bad, badOutput) = await MmluProcess.RunAsync(new Dictionary<string, string> { ["MMLU_MAX_UNPACKED"] = "lots" }, "datasets", "download", "mmlu", "--to", to, "--source", address + "/data.tar");
        var fine = (await MmluProcess.RunAsync(new Dictionary<string, string> { ["MMLU_MAX_UNPACKED"] = "2M" }, "datasets", "download", "mmlu", "--to", to, "--source", address + "/data.tar", "--max-unpacked", "50M")).ExitCode;

        Assert.Equal(2, capped);
        Assert.Equal($"error: {address}/data.tar: refused: the data unpacks to more than 2.0 MiB, the cap set by --max-unpacked or MMLU_MAX_UNPACKED; nothing was kept", cappedOutput.Trim().Split('\n')[^1]);
        Assert.Equal(2, bad);
        Assert.Equal("error: MMLU_MAX_UNPACKED must be a size such as 500M or 4G, not 'lots'.", Flat(badOutput));
        Assert.Equal(0, fine);
        Assert.True(File.Exists(Path.Combine(to, DatasetCache.ManifestFileName)));
    }

    [Fact]
    public async Task Scratch_of_a_killed_download_survives_a_concurrent_download_and_goes_with_the_next_one()
    {
        // /stall/... sends half of the test parquet file, then nothing until the client goes away.
        var (app, address) = await Loopback.StartAsync(app => app.MapGet("/{mode}/data/{file}", async (HttpContext context, string mode, string file) =>
        {
            var bytes = await File.ReadAllBytesAsync(SharedData.Dataset("mmlu-pro", "parquet", Path.GetFileName(file)));
            context.Response.ContentLength = bytes.Length;
            if (mode == "stall" && file.StartsWith("test", StringComparison.Ordinal))
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await context.Response.Body.FlushAsync();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await context.Response.Body.WriteAsync(bytes);
        }));
        await using var _ = app;
        var temp = Cli.TempFolder("download-killed");
        var to = Path.Combine(temp, "mmlu-pro");
        string[] Download(string mode) => ["datasets", "download", "mmlu-pro", "--to", to, "--source", $"{address}/{mode}/"];
        string[] Scratch() => [.. Directory.EnumerateDirectories(temp, ".mmlu-pro.partial-*")];

        using var stalled = MmluProcess.Start(Download("stall"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Scratch().Any(s => Directory.EnumerateFiles(s, "*.part", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 0)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var live = Assert.Single(Scratch());
        Assert.EndsWith($".mmlu-pro.partial-{stalled.Id}-", live[..^32], StringComparison.Ordinal);

        var (concurrent, _) = await MmluProcess.RunAsync(new Dictionary<string, string>(), Download("ok"));
        Assert.Equal(0, concurrent);
        Assert.True(Directory.Exists(live), "a live download's scratch was removed");

        stalled.Kill(entireProcessTree: true);
        await stalled.WaitForExitAsync();
        Assert.True(Directory.Exists(live));

        var (next, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), Download("ok"));
        Assert.Equal(0, next);
        Assert.Contains("already holds mmlu-pro", Flat(output), StringComparison.Ordinal);
        Assert.Empty(Scratch());
        Assert.Equal(["mmlu-pro"], Directory.EnumerateFileSystemEntries(temp).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Force_downloads_again_and_keeps_the_files_mmlu_did_not_write()
    {
        var (app, baseUrl) = await ServeMmluProAsync();
        await using var _ = app;
        var to = Path.Combine(Cli.TempFolder("download-force"), "mmlu-pro");
        Assert.Equal(0, await MmluProcess.RunAsync("datasets", "download", "mmlu-pro", "--to", to, "--source", baseUrl));
        await File.WriteAllTextAsync(Path.Combine(to, "notes.txt"), "my notes");
        await File.WriteAllTextAsync(Path.Combine(to, "data", "test-00000-of-00001.parquet"), "damaged");

        Assert.Equal(0, await MmluProcess.RunAsync("datasets", "download", "mmlu-pro", "--to", to, "--source", baseUrl, "--force"));

        Assert.Equal("my notes", await File.ReadAllTextAsync(Path.Combine(to, "notes.txt")));
        Assert.Equal(
            await File.ReadAllBytesAsync(SharedData.Dataset("mmlu-pro", "parquet", "test-00000-of-00001.parquet")),
            await File.ReadAllBytesAsync(Path.Combine(to, "data", "test-00000-of-00001.parquet")));
    }
}
