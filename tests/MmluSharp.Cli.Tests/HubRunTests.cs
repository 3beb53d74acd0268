using System.Security.Cryptography;
using System.Text.Json;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>Real <c>mmlu</c> processes given a Hugging Face reference, against a loopback Hub reached through HF_ENDPOINT.</summary>
public sealed class HubRunTests(HubFixture hub) : IClassFixture<HubFixture>
{
    private static string[] RunArgs(string model, string folder) =>
        ["run", "--model", model, "--data", SharedData.Mmlu, "--subjects", "abstract_algebra,anatomy", "--limit", "2", "--shots", "0",
         "--threads", "1", "--out", folder];

    [Fact]
    public async Task Run_with_a_hub_reference_downloads_evaluates_records_the_weights_and_reruns_from_the_cache_without_a_request()
    {
        var home = Cli.TempFolder("hub-run");
        var environment = hub.Environment(home);
        var first = Path.Combine(home, "first");
        var requests = hub.Server.Requests.Count;

        var (exitCode, output) = await MmluProcess.RunAsync(environment, RunArgs("mmlusharp/synthetic-GGUF:Q8_0", first));

        Assert.True(exitCode == 0, output);
        Assert.Contains($"model: mmlusharp/synthetic-GGUF:Q8_0 from {hub.Server.Endpoint} → synthetic-58M-Q8_0.gguf at commit ", output, StringComparison.Ordinal);
        Assert.Contains("(downloaded 59.6 MB into ", output, StringComparison.Ordinal);
        Assert.True(hub.Server.Requests.Count > requests);
        using (var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(first, "results.json"))))
        {
            var model = doc.RootElement.GetProperty("model");
            var sha = FakeHub.Sha256(await File.ReadAllBytesAsync(SharedData.Model("synthetic-58M-q8_0.gguf")));
            Assert.Equal("synthetic-58M-Q8_0", model.GetProperty("name").GetString());
            Assert.Equal(sha, model.GetProperty("sha256").GetString());
            Assert.StartsWith(Path.Combine(home, "hub", "models--mmlusharp--synthetic-GGUF", "snapshots"), model.GetProperty("path").GetString(), StringComparison.Ordinal);
            var source = model.GetProperty("hub");
            Assert.Equal("mmlusharp/synthetic-GGUF:Q8_0", source.GetProperty("reference").GetString());
            Assert.Equal("main", source.GetProperty("revision").GetString());
            Assert.Equal(40, source.GetProperty("commit").GetString()!.Length);
            Assert.Equal(hub.Server.Endpoint, source.GetProperty("endpoint").GetString());
            var file = Assert.Single(model.GetProperty("files").EnumerateArray());
            Assert.Equal("synthetic-58M-Q8_0.gguf", file.GetProperty("path").GetString());
            Assert.Equal(sha, file.GetProperty("sha256").GetString());
            Assert.Equal(4, doc.RootElement.GetProperty("overall").GetProperty("n").GetInt32());
        }

        Assert.Contains("model on the Hub", await File.ReadAllTextAsync(Path.Combine(first, "report.md")), StringComparison.Ordinal);
        var lmEval = Path.Combine(home, "lm-eval.json");
        Assert.Equal(0, await MmluProcess.RunAsync("report", Path.Combine(first, "results.json"), "--format", "lm-eval", "--out", lmEval));
        using (var export = JsonDocument.Parse(await File.ReadAllTextAsync(lmEval)))
        {
            var arguments = export.RootElement.GetProperty("config").GetProperty("model_args");
            Assert.Equal("mmlusharp/synthetic-GGUF", arguments.GetProperty("pretrained").GetString());
            Assert.Equal("synthetic-58M-Q8_0.gguf", arguments.GetProperty("gguf_file").GetString());
            Assert.Equal(40, arguments.GetProperty("revision").GetString()!.Length);
        }

        requests = hub.Server.Requests.Count;
        var second = Path.Combine(home, "second");
        var (again, againOutput) = await MmluProcess.RunAsync(environment, RunArgs("mmlusharp/synthetic-GGUF:Q8_0", second));

        Assert.True(again == 0, againOutput);
        Assert.Equal(requests, hub.Server.Requests.Count);
        Assert.Contains("(from the Hugging Face cache without asking the Hub: ", againOutput, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(first, "samples.jsonl")), await File.ReadAllTextAsync(Path.Combine(second, "samples.jsonl")));
    }

    [Fact]
    public async Task A_split_model_on_the_hub_downloads_as_a_set_and_llama_cpp_evaluates_it()
    {
        var home = Cli.TempFolder("hub-split");
        var folder = Path.Combine(home, "run");

        var (exitCode, output) = await MmluProcess.RunAsync(hub.Environment(home), RunArgs(HubRepos.Split, folder));

        Assert.True(exitCode == 0, output);
        Assert.Contains($"stories260K-F32-00001-of-00003.gguf and 2 more parts at commit ", output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "results.json")));
        var model = doc.RootElement.GetProperty("model");
        Assert.Equal("stories260K-F32", model.GetProperty("name").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(HubRepos.StoriesParts.SelectMany(p => p).ToArray())), model.GetProperty("sha256").GetString());
        Assert.Equal(
            HubRepos.StoriesParts.Select(FakeHub.Sha256),
            model.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("sha256").GetString()));
        Assert.Equal(HubRepos.StoriesParts.Sum(p => p.Length), model.GetProperty("file_size").GetInt64());
    }

    [Fact]
    public async Task Resuming_a_run_with_other_weights_is_refused()
    {
        var home = Cli.TempFolder("hub-resume");
        var folder = Path.Combine(home, "run");
        var environment = hub.Environment(home);
        var (first, firstOutput) = await MmluProcess.RunAsync(environment, RunArgs($"{HubRepos.Tiny}:F16", folder));
        Assert.True(first == 0, firstOutput);

        var (exitCode, output) = await MmluProcess.RunAsync(environment, RunArgs($"{HubRepos.Tiny}:F16@v1", folder));

        Assert.Equal(2, exitCode);
        Assert.Contains(
            $"error: {folder} holds a run with other settings (model_sha256 {FakeHub.Sha256(HubRepos.Llama2Tiny)} → {FakeHub.Sha256(HubRepos.Stories)}); choose another --out or delete that folder.",
            output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mmlusharp/nope:Q8_0", "", false, "error: unknown repository mmlusharp/nope on {endpoint} (or private or gated: set HF_TOKEN) (HTTP 401): Repository not found")]
    [InlineData(HubRepos.NoGguf, "", false, "error: mmlusharp/no-gguf@main has no GGUF model file; files: README.md, config.json")]
    [InlineData(HubRepos.Tiny + ":F32", "", false, "error: mmlusharp/tiny-GGUF@main: tag F32 matches 2 models: split/stories260K-F32-00001-of-00003.gguf, stories260K-F32.gguf; name one with mmlusharp/tiny-GGUF/<path>")]
    [InlineData(HubRepos.Gated, "", false, "error: mmlusharp/gated-GGUF is a gated repository: accept its conditions at {endpoint}/mmlusharp/gated-GGUF and set HF_TOKEN (HTTP 401): Access to model mmlusharp/gated-GGUF is restricted. You must have access to it and be authenticated to access it. Please log in.")]
    [InlineData(HubRepos.Gated, "hf_NotTheRightToken000000000000000000000", false, "error: mmlusharp/gated-GGUF is a gated repository and HF_TOKEN has no access to it: request access at {endpoint}/mmlusharp/gated-GGUF (HTTP 403): Access to model mmlusharp/gated-GGUF is restricted and you are not in the authorized list. Visit {endpoint}/mmlusharp/gated-GGUF to ask for access.")]
    [InlineData(HubRepos.Tiny + ":F16", "", true, "error: HF_HUB_OFFLINE is set and mmlusharp/tiny-GGUF:F16 is not in the Hugging Face cache ({cache}); unset HF_HUB_OFFLINE to download it")]
    public async Task Hub_errors_are_one_line_with_exit_code_2_and_nothing_written(string model, string token, bool offline, string message)
    {
        var home = Cli.TempFolder("hub-error");
        var folder = Path.Combine(home, "run");

        var (exitCode, output) = await MmluProcess.RunAsync(hub.Environment(home, token, offline), RunArgs(model, folder));

        Assert.Equal(2, exitCode);
        var expected = message.Replace("{endpoint}", hub.Server.Endpoint, StringComparison.Ordinal).Replace("{cache}", Path.Combine(home, "hub"), StringComparison.Ordinal);
        Assert.Equal(expected, output.Trim());
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task A_checksum_mismatch_exits_2_in_one_line_and_keeps_no_file()
    {
        var home = Cli.TempFolder("hub-corrupt");
        var sha = FakeHub.Sha256(HubRepos.Llama2Tiny);
        hub.Server.Corrupt[sha] = true;
        try
        {
            var (exitCode, output) = await MmluProcess.RunAsync(hub.Environment(home), RunArgs($"{HubRepos.Tiny}:F16", Path.Combine(home, "run")));

            Assert.Equal(2, exitCode);
            Assert.Matches(
                $"^error: {hub.Server.Endpoint}/{HubRepos.Tiny}/resolve/{hub.Repos.TinyMain}/tiny-F16.gguf: SHA-256 mismatch: expected {sha}, got [0-9a-f]{{64}}; the file was discarded$",
                output.Trim());
            Assert.Empty(Directory.GetFiles(Path.Combine(home, "hub", "models--mmlusharp--tiny-GGUF", "blobs")));
            Assert.False(Directory.Exists(Path.Combine(home, "hub", "models--mmlusharp--tiny-GGUF", "snapshots")));
        }
        finally
        {
            hub.Server.Corrupt.Clear();
        }
    }

    [Fact]
    public async Task With_the_token_a_gated_model_evaluates_and_the_token_is_written_nowhere()
    {
        var home = Cli.TempFolder("hub-gated");
        var folder = Path.Combine(home, "run");

        var (exitCode, output) = await MmluProcess.RunAsync(hub.Environment(home, HubRepos.GatedToken), RunArgs(HubRepos.Gated, folder));

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain(HubRepos.GatedToken, output, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(home, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(HubRepos.GatedToken, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Model_info_reads_the_header_from_the_hub_without_downloading_then_from_the_cache()
    {
        var home = Cli.TempFolder("hub-info");
        var environment = hub.Environment(home);
        var before = hub.Server.RequestsTo("/cdn/").Count;

        var (exitCode, output) = await MmluProcess.RunAsync(environment, "model", "info", $"{HubRepos.Tiny}:F16");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{HubRepos.Tiny}:F16 at commit {hub.Repos.TinyMain} (not downloaded: header read from {hub.Server.Endpoint}, 1,048,576 bytes)", output, StringComparison.Ordinal);
        Assert.Contains("513,048", output, StringComparison.Ordinal);
        Assert.Equal(["bytes=0-1048575"], hub.Server.RequestsTo("/cdn/").Skip(before).Select(r => r.Range));
        Assert.False(Directory.Exists(Path.Combine(home, "hub", "models--mmlusharp--tiny-GGUF", "snapshots")));

        var split = await MmluProcess.RunAsync(environment, "model", "info", HubRepos.Split);
        Assert.True(split.ExitCode == 0, split.Output);
        Assert.Contains("3 (a split model; sizes and counts are over all of them)", split.Output, StringComparison.Ordinal);
        Assert.Contains("292,800", split.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await MmluProcess.RunAsync(environment, RunArgs($"{HubRepos.Tiny}:F16", Path.Combine(home, "run")))).ExitCode);
        var requests = hub.Server.Requests.Count;
        var cached = await MmluProcess.RunAsync(environment, "model", "info", $"{HubRepos.Tiny}:F16");
        Assert.True(cached.ExitCode == 0, cached.Output);
        Assert.Contains($"{HubRepos.Tiny}:F16 at commit {hub.Repos.TinyMain} (cached)", cached.Output, StringComparison.Ordinal);
        Assert.Equal(requests, hub.Server.Requests.Count);
    }

    [Fact]
    public async Task Slurm_takes_a_hub_reference_and_names_the_folders_after_it_without_asking_the_hub_in_a_dry_run()
    {
        var home = Cli.TempFolder("hub-slurm");
        var requests = hub.Server.Requests.Count;

        var (exitCode, output) = await MmluProcess.RunAsync(
            hub.Environment(home), "slurm", "--shards", "2", "--model", $"{HubRepos.Tiny}:F16@v1", "--data", SharedData.Mmlu, "--subjects", "anatomy", "--limit", "2", "--dry-run");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"run --model {HubRepos.Tiny}:F16@v1 --data {SharedData.Mmlu}", output, StringComparison.Ordinal);
        Assert.Contains("merge runs/tiny-GGUF-F16-v1-mmlu-test-5shot-original-shard1of2 runs/tiny-GGUF-F16-v1-mmlu-test-5shot-original-shard2of2", output, StringComparison.Ordinal);
        Assert.Equal(requests, hub.Server.Requests.Count);
    }

    [Fact]
    public async Task A_local_path_wins_over_a_hub_reference_of_the_same_name()
    {
        var owner = "local-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(owner);
        try
        {
            File.Copy(SharedData.Model("llama-2-tiny-random.gguf"), Path.Combine(owner, "repo"));

            var result = await Cli.RunAsync("model", "info", $"{owner}/repo");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("513,048", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("hub", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(owner, recursive: true);
        }
    }
}
