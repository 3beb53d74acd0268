namespace MmluSharp.Models.Hub;

/// <summary>
/// The settings the Hub's own tools (huggingface_hub, huggingface-cli, llama.cpp) read from the environment:
/// <c>HF_ENDPOINT</c>, <c>HF_TOKEN</c> (else the token file <c>huggingface-cli login</c> wrote), <c>HF_HUB_OFFLINE</c>
/// and the cache folder (<c>HF_HUB_CACHE</c>, else <c>HF_HOME/hub</c>, else <c>~/.cache/huggingface/hub</c>).
/// </summary>
/// <param name="Endpoint">The Hub, or a mirror: <c>https://huggingface.co</c> unless <c>HF_ENDPOINT</c> says otherwise.</param>
/// <param name="Token">Sent as a bearer token to <see cref="Endpoint"/>'s host only; never written anywhere.</param>
/// <param name="Offline">True when <c>HF_HUB_OFFLINE</c> is 1, true, yes or on: only the cache is used.</param>
/// <param name="CacheRoot">The Hugging Face hub cache folder (the one holding <c>models--owner--repo</c>).</param>
public sealed record HubEnvironment(Uri Endpoint, string? Token, bool Offline, string CacheRoot)
{
    /// <summary>The public Hub.</summary>
    public static readonly Uri DefaultEndpoint = new("https://huggingface.co");

    /// <summary>The settings of this process's environment.</summary>
    public static HubEnvironment Current =>
        FromEnvironment(Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The settings for the given environment and home folder (pure apart from reading the token file).</summary>
    /// <exception cref="HubException"><c>HF_ENDPOINT</c> is not an http(s) URL.</exception>
    public static HubEnvironment FromEnvironment(Func<string, string?> environment, string home)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment(name) is { Length: > 0 } value ? value : null;

        var endpoint = DefaultEndpoint;
        if (Get("HF_ENDPOINT") is { } text)
        {
            if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
            {
                throw new HubException($"HF_ENDPOINT must be an http(s) URL, not '{text}'");
            }

            endpoint = parsed;
        }

        var cacheHome = Get("XDG_CACHE_HOME") is { } xdg && Path.IsPathRooted(xdg) ? xdg : Path.Combine(home, ".cache");
        var hfHome = Get("HF_HOME") ?? Path.Combine(cacheHome, "huggingface");
        var cache = Get("HF_HUB_CACHE") ?? Get("HUGGINGFACE_HUB_CACHE") ?? Path.Combine(hfHome, "hub");
        var offline = IsTrue(Get("HF_HUB_OFFLINE") ?? Get("TRANSFORMERS_OFFLINE"));
        var token = Get("HF_TOKEN")?.Trim() ?? ReadTokenFile(Get("HF_TOKEN_PATH") ?? Path.Combine(hfHome, "token"));
        return new HubEnvironment(endpoint, token, offline, Path.GetFullPath(ExpandHome(cache, home)));
    }

    /// <summary>The endpoint as text for messages, e.g. <c>https://huggingface.co</c>.</summary>
    public string EndpointText => Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"HubEnvironment {{ Endpoint = {EndpointText}, Token = {(Token is null ? "none" : "set")}, Offline = {Offline}, CacheRoot = {CacheRoot} }}";

    // huggingface_hub's _is_true.
    private static bool IsTrue(string? value) => value?.Trim().ToUpperInvariant() is "1" or "ON" or "YES" or "TRUE";

    private static string? ReadTokenFile(string path)
    {
        try
        {
            return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ExpandHome(string path, string home) =>
        path == "~" ? home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(home, path[2..]) : path;
}
