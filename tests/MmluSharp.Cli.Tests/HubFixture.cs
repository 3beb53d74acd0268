using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>One loopback Hub for the class (its tests run one after another) and a fresh Hugging Face cache per call.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    internal HubRepos Repos { get; private set; } = null!;

    internal FakeHub Server => Repos.Hub;

    public async Task InitializeAsync() => Repos = await HubRepos.StartAsync(withSynthetic: true);

    public async Task DisposeAsync() => await Repos.Hub.DisposeAsync();

    /// <summary>The environment of an <c>mmlu</c> process that talks to the fake Hub, caching in <paramref name="home"/>.</summary>
    internal Dictionary<string, string> Environment(string home, string token = "", bool offline = false) => new()
    {
        ["HF_ENDPOINT"] = Server.Endpoint,
        ["HF_HUB_CACHE"] = Path.Combine(home, "hub"),
        ["HF_HOME"] = Path.Combine(home, "hf-home"),
        ["HF_TOKEN"] = token,
        ["HF_HUB_OFFLINE"] = offline ? "1" : string.Empty,
        ["COLUMNS"] = "400",
    };
}
