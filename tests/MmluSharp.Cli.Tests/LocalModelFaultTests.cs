using MmluSharp.LlamaCpp.Tests;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>
/// A local model or its options that llama.cpp cannot run: real <c>mmlu</c> processes (a native crash would take a
/// test host down with it), each ending in one line and exit code 2.
/// </summary>
public sealed class LocalModelFaultTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mmlu-local-fault-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string[] RunArgs(string model, string subjects, int limit, params string[] more) =>
        ["run", "--model", model, "--data", SharedData.Mmlu, "--subjects", subjects, "--limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--threads", "1", "--out", Path.Combine(_dir, "run"), .. more];

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task A_context_of_100_million_is_one_line_and_exit_2_instead_of_a_segmentation_fault()
    {
        var (code, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(SharedData.Model("stories260K.gguf"), "anatomy", 2, "--context", "100000000"));

        Assert.Equal(2, code);
        Assert.Equal(
            ["error: --context 100000000: more than the 2,048 tokens stories260K.gguf was trained with (context_length in its header); use at most 2048."],
            Lines(output));
        Assert.False(File.Exists(Path.Combine(_dir, "run", "samples.jsonl")));
    }

    [Fact]
    public async Task A_context_whose_KV_cache_exceeds_the_memory_is_refused_before_llama_cpp_allocates_it()
    {
        // The model claims a 2^31-token training context, so only the memory check stands between 1.2 TB and llama.cpp.
        var model = GgufPatch.Copy("stories260K.gguf", _dir, "long-context.gguf");
        GgufPatch.SetUInt32(model, "llama.context_length", int.MaxValue);

        var (code, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(model, "anatomy", 2, "--context", "2000000000"));

        Assert.Equal(2, code);
        var line = Assert.Single(Lines(output));
        Assert.StartsWith("error: --context 2000000000: the KV cache of long-context.gguf would need 1192.1 GiB (2,000,000,000 tokens × 5 layers, F16), more than the ", line, StringComparison.Ordinal);
        Assert.EndsWith(" GiB of memory available.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_parallel_questions_than_llama_cpp_has_sequences_is_one_line_and_exit_2()
    {
        var (code, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(SharedData.Model("stories260K.gguf"), "anatomy", 2, "--parallel", "100000000"));

        Assert.Equal(2, code);
        Assert.Equal(
            ["error: --parallel 100000000: at most 255 questions can be decoded side by side (llama.cpp has 256 sequences and the shared prefix holds one)."],
            Lines(output));
    }
}
