using MmluSharp.Models.Hub;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Hub;

/// <summary>Tokens, gated and renamed repositories, offline mode and one-line errors, against a loopback Hub.</summary>
public sealed class HubAccessTests : IAsyncLifetime, IDisposable
{
    private readonly HubFixture hub = new();

    public Task InitializeAsync() => hub.InitializeAsync();

    public Task DisposeAsync() => hub.DisposeAsync();

    public void Dispose() => hub.Dispose();

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
