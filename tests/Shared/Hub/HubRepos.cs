using System.Text;

namespace MmluSharp.Testing;

/// <summary>
/// The repositories the fake Hub serves, made at test time of the GGUFs in <c>shared/models</c> (never copied into the
/// repository): a plain one with a projector and a split set, a Q8_0 one, a split-only one, a gated one and one without GGUF.
/// </summary>
internal sealed class HubRepos
{
    public const string Tiny = "mmlusharp/tiny-GGUF";
    public const string Synthetic = "mmlusharp/synthetic-GGUF";
    public const string Split = "mmlusharp/stories-split-GGUF";
    public const string Gated = "mmlusharp/gated-GGUF";
    public const string NoGguf = "mmlusharp/no-gguf";
    public const string GatedToken = "hf_TestTokenThatOnlyTheFakeHubKnows0123";
    public const string SplitPart1 = "stories260K-F32-00001-of-00003.gguf";

    private HubRepos(FakeHub hub) => Hub = hub;

    public FakeHub Hub { get; }

    public static byte[] Llama2Tiny { get; } = File.ReadAllBytes(SharedData.Model("llama-2-tiny-random.gguf"));

    public static byte[] Stories { get; } = File.ReadAllBytes(SharedData.Model("stories260K.gguf"));

    public static byte[][] StoriesParts { get; } = GgufSplitter.Split(Stories, 3);

    /// <summary>The commit <c>main</c> of <see cref="Tiny"/> points to.</summary>
    public string TinyMain { get; private set; } = string.Empty;

    /// <summary>The commit the branch <c>v1</c> of <see cref="Tiny"/> points to (its tiny-F16.gguf holds other weights).</summary>
    public string TinyV1 { get; private set; } = string.Empty;

    public static async Task<HubRepos> StartAsync(bool withSynthetic = false)
    {
        var repos = new HubRepos(await FakeHub.StartAsync());
        var hub = repos.Hub;
        var readme = Encoding.UTF8.GetBytes("---\nlibrary_name: gguf\n---\n# test repository\n");
        repos.TinyMain = hub.Commit(Tiny, "main", new Dictionary<string, byte[]>
        {
            ["README.md"] = readme,
            ["tiny-F16.gguf"] = Llama2Tiny,
            ["stories260K-F32.gguf"] = Stories,
            ["mmproj-tiny-F16.gguf"] = Stories,
            ["split/" + SplitPart1] = StoriesParts[0],
            ["split/stories260K-F32-00002-of-00003.gguf"] = StoriesParts[1],
            ["split/stories260K-F32-00003-of-00003.gguf"] = StoriesParts[2],
        });
        repos.TinyV1 = hub.Commit(Tiny, "v1", new Dictionary<string, byte[]> { ["README.md"] = readme, ["tiny-F16.gguf"] = Stories });
        hub.Commit(Split, "main", new Dictionary<string, byte[]>
        {
            ["README.md"] = readme,
            [SplitPart1] = StoriesParts[0],
            ["stories260K-F32-00002-of-00003.gguf"] = StoriesParts[1],
            ["stories260K-F32-00003-of-00003.gguf"] = StoriesParts[2],
        });
        hub.Commit(Gated, "main", new Dictionary<string, byte[]> { ["tiny-Q8_0.gguf"] = Llama2Tiny }, GatedToken);
        hub.Commit(NoGguf, "main", new Dictionary<string, byte[]> { ["README.md"] = readme, ["config.json"] = "{}"u8.ToArray() });
        if (withSynthetic)
        {
            hub.Commit(Synthetic, "main", new Dictionary<string, byte[]>
            {
                ["README.md"] = readme,
                ["synthetic-58M-Q8_0.gguf"] = File.ReadAllBytes(SharedData.Model("synthetic-58M-q8_0.gguf")),
                ["mmproj-synthetic-F16.gguf"] = Llama2Tiny,
            });
        }

        return repos;
    }
}
