using MmluSharp.Models.Hub;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Tests.Hub;

public sealed class HubEnvironmentTests : IDisposable
{
    private readonly TempFolder home = new();

    public void Dispose() => home.Dispose();

    private HubEnvironment From(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return HubEnvironment.FromEnvironment(name => map.GetValueOrDefault(name), home.Path);
    }

    [Fact]
    public void By_default_the_public_hub_and_the_cache_huggingface_cli_uses()
    {
        var environment = From();

        Assert.Equal("https://huggingface.co", environment.EndpointText);
        Assert.Null(environment.Token);
        Assert.False(environment.Offline);
        Assert.Equal(Path.Combine(home.Path, ".cache", "huggingface", "hub"), environment.CacheRoot);
    }

    [Fact]
    public void The_cache_follows_HF_HUB_CACHE_then_HF_HOME_then_XDG_CACHE_HOME()
    {
        Assert.Equal("/data/hub", From(("HF_HUB_CACHE", "/data/hub"), ("HF_HOME", "/hf")).CacheRoot);
        Assert.Equal("/old/hub", From(("HUGGINGFACE_HUB_CACHE", "/old/hub"), ("HF_HOME", "/hf")).CacheRoot);
        Assert.Equal("/hf/hub", From(("HF_HOME", "/hf"), ("XDG_CACHE_HOME", "/xdg")).CacheRoot);
        Assert.Equal("/xdg/huggingface/hub", From(("XDG_CACHE_HOME", "/xdg")).CacheRoot);
        Assert.Equal(Path.Combine(home.Path, "hub"), From(("HF_HUB_CACHE", "~/hub")).CacheRoot);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    public void HF_HUB_OFFLINE_is_read_as_huggingface_hub_reads_it(string value, bool offline) =>
        Assert.Equal(offline, From(("HF_HUB_OFFLINE", value)).Offline);

    [Fact]
    public void HF_TOKEN_wins_over_the_token_file_which_is_read_when_it_is_unset()
    {
        home.Write(".cache/huggingface/token", "hf_fromTheLoginFile\n");

        Assert.Equal("hf_fromTheLoginFile", From().Token);
        Assert.Equal("hf_fromTheEnvironment", From(("HF_TOKEN", "hf_fromTheEnvironment")).Token);
    }

    [Fact]
    public void The_endpoint_is_HF_ENDPOINT_without_its_trailing_slash_and_must_be_http()
    {
        Assert.Equal("http://127.0.0.1:8080/mirror", From(("HF_ENDPOINT", "http://127.0.0.1:8080/mirror/")).EndpointText);
        var e = Assert.Throws<HubException>(() => From(("HF_ENDPOINT", "ftp://mirror")));
        Assert.Equal("HF_ENDPOINT must be an http(s) URL, not 'ftp://mirror'", e.Message);
    }

    [Fact]
    public void Printing_the_settings_never_prints_the_token()
    {
        var environment = From(("HF_TOKEN", "hf_secretValue"));

        Assert.DoesNotContain("hf_secretValue", environment.ToString(), StringComparison.Ordinal);
        Assert.Contains("Token = set", environment.ToString(), StringComparison.Ordinal);
    }
}
