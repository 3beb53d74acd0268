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

    [Fact]
    public async Task A_model_with_NaN_output_weights_stops_with_one_line_naming_it_and_writes_no_sample()
    {
        var model = GgufPatch.Copy("stories260K.gguf", _dir, "nan-output.gguf");
        GgufPatch.FillRows(model, "output.weight", [300], float.NaN);

        var (code, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(model, "anatomy", 3));

        Assert.Equal(2, code);
        Assert.Equal(
            $"error: {model}: the model computed logits that are not numbers (1 NaN among its 512 logits); its weights are broken, so none of its scores can be trusted",
            Lines(output)[^1]);
        Assert.Single(Lines(output), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain(" at MmluSharp", output, StringComparison.Ordinal);
        var samples = Path.Combine(_dir, "run", "samples.jsonl");
        Assert.True(!File.Exists(samples) || new FileInfo(samples).Length == 0);
        Assert.False(File.Exists(Path.Combine(_dir, "run", "results.json")));
    }

    [Fact]
    public async Task Samples_scored_before_a_model_turns_to_NaN_are_kept_and_equal_a_healthy_run()
    {
        // Token 20932 ("▁astronom") is in every astronomy prompt and in no abstract_algebra prompt (see NonFiniteLogitsTests).
        var model = GgufPatch.Copy("llama-2-tiny-random.gguf", _dir, "astronomy-nan.gguf");
        GgufPatch.FillRows(model, "token_embd.weight", [20932], float.NaN);
        var healthy = Path.Combine(_dir, "healthy");
        Assert.Equal(0, await MmluProcess.RunAsync([.. RunArgs(SharedData.Model("llama-2-tiny-random.gguf"), "abstract_algebra,astronomy", 4)[..^2], "--out", healthy]));

        var (code, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(model, "abstract_algebra,astronomy", 4));

        Assert.Equal(2, code);
        Assert.Contains($"error: {model}: the model computed logits that are not numbers", output, StringComparison.Ordinal);
        var expected = File.ReadAllLines(Path.Combine(healthy, "samples.jsonl")).Take(4);
        Assert.Equal(expected, File.ReadAllLines(Path.Combine(_dir, "run", "samples.jsonl")));
    }

    [Fact]
    public async Task Professional_law_questions_longer_than_the_context_are_cut_from_the_left_recorded_and_counted()
    {
        // Zero-shot professional_law prompts run to 2,217 stories260K tokens; at --context 512 most do not fit.
        var folder = Path.Combine(_dir, "run");

        var (code, output) = await MmluProcess.RunAsync(
            new Dictionary<string, string>(), RunArgs(SharedData.Model("stories260K.gguf"), "professional_law", 6, "--shots", "0", "--context", "512"));

        Assert.Equal(0, code);
        var samples = File.ReadAllLines(Path.Combine(folder, "samples.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        var cut = samples.Select(s => s.TryGetProperty("truncated_tokens", out var t) ? t.GetInt32() : 0).ToList();
        Assert.Equal([355, 422, 163, 119, 78, 0], cut);
        const int truncated = 5;
        Assert.All(samples, s => Assert.Equal(0, s.GetProperty("shots_used").GetInt32()));
        using var results = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        Assert.Equal(truncated, results.RootElement.GetProperty("overall").GetProperty("truncated").GetInt32());
        var remark = $"truncated: {truncated} of 6 prompts did not fit the context even with no examples and lost tokens from the left, as lm-evaluation-harness does (truncated_tokens in samples.jsonl).";
        Assert.Contains(remark, output, StringComparison.Ordinal);
        Assert.Contains(remark, File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
    }
}
