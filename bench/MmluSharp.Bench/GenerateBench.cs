using System.Diagnostics;
using System.Globalization;
using MmluSharp.LlamaCpp;
using MmluSharp.Models.Generation;
using MmluSharp.Running;

namespace MmluSharp.Bench;

/// <summary>
/// <c>MmluSharp.Bench generate</c>: greedy generation on MMLU-Pro's chain-of-thought prompts, many questions side by
/// side (continuous batching on copies of each category's shared prefix) against one question at a time on the same
/// loaded engine and prefix, with a fixed reply length. Checks that both give identical replies; asserts nothing else.
/// </summary>
internal static class GenerateBench
{
    public const string Usage =
        "usage: MmluSharp.Bench generate --model PATH --data MMLU_PRO_DIR [--shots 5] [--limit 2] [--subjects 14] [--max-tokens 64] "
        + "[--style cot] [--threads T] [--context N] [--batch N] [--parallel 32] [--exact-kv] (the generation context of mmlu run --scoring generate: a KV stream per question, F16, no flash attention)";

    public static async Task<int> RunAsync(string[] args)
    {
        string? model = null, data = null;
        string style = "cot";
        int shots = 5, limit = 2, subjects = int.MaxValue, maxTokens = 64;
        var engine = new EngineArguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (engine.TryTake(args, ref i))
            {
                continue;
            }

            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--model": model = Next(); break;
                case "--data": data = Next(); break;
                case "--style": style = Next(); break;
                case "--shots": shots = NextInt(); break;
                case "--limit": limit = NextInt(); break;
                case "--subjects": subjects = NextInt(); break;
                case "--max-tokens": maxTokens = NextInt(); break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }

        var plan = EvaluationPlan.Create(new EvaluationOptions
        {
            Benchmark = "mmlu-pro", Data = data ?? throw new ArgumentException(Usage), Shots = shots, Style = style, Limit = limit,
        });
        var chosen = plan.Questions.Select(q => q.Question.Subject).Distinct(StringComparer.Ordinal).Take(subjects).ToHashSet(StringComparer.Ordinal);
        var requests = plan.Questions.Where(q => chosen.Contains(q.Question.Subject))
            .Select(q => new GenerationRequest(q.Key, q.Prompt, maxTokens, [])).ToList();

        var load = Stopwatch.StartNew();
        var given = engine.Options;
        var parallel = given.MaxParallelSequences;
        var options = (given with { Threads = engine.Cli.Contains("--threads") ? given.Threads : Environment.ProcessorCount }).ForGeneration(maxTokens);
        using var llama = LlamaCppModel.Load(model ?? throw new ArgumentException(Usage), options);
        Console.WriteLine($"model      {model} ({load.Elapsed.TotalSeconds:F2} s to load; context {llama.Info.ContextLength}, threads {options.Threads}; generation: {parallel + 1} KV streams of {llama.Info.ContextLength} cells, {(options.ExactKv ? "F32" : "F16")}, as mmlu run --scoring generate)");
        Console.WriteLine($"questions  {requests.Count} ({limit} per category, {chosen.Count} categories), {shots}-shot MMLU-Pro {style}, {maxTokens} tokens each (no stop strings)");

        Console.WriteLine($"load       {LoadAverage()} (before)");
        await Time(llama, "warm-up", requests.Take(1).ToList(), 1);
        var batched = await Time(llama, $"batched ×{parallel}", requests, parallel);
        var alone = await Time(llama, "one at a time", requests, 1);
        var same = requests.Count(r => batched.Replies[r.Id].Text == alone.Replies[r.Id].Text);
        Console.WriteLine($"speed-up   {alone.Wall / batched.Wall:F2}x wall time, {alone.Cpu / batched.Cpu:F2}x CPU time (batched vs one at a time)");
        Console.WriteLine($"load       {LoadAverage()} (after)");
        Console.WriteLine($"identical  {same}/{requests.Count} replies");
        var shotsUsed = batched.Replies.Values.GroupBy(r => r.ShotsUsed).OrderBy(g => g.Key).Select(g => $"{g.Key}-shot ×{g.Count()}");
        Console.WriteLine($"prompts    {string.Join(", ", shotsUsed)}; mean prompt {batched.Replies.Values.Average(r => r.PromptTokens):F0} tokens");
        return same == requests.Count ? 0 : 1;
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), since other processes share the cores.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + $" on {Environment.ProcessorCount} cores" : "unknown";

    private static async Task<(TimeSpan Wall, TimeSpan Cpu, Dictionary<string, GeneratedReply> Replies)> Time(
        LlamaCppModel model, string name, IReadOnlyList<GenerationRequest> requests, int parallel)
    {
        var (decoding, decodes) = (model.Statistics.Decoding, model.Statistics.Decodes);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var replies = new Dictionary<string, GeneratedReply>(StringComparer.Ordinal);
        await foreach (var reply in model.GenerateAsync(requests, parallel))
        {
            replies[reply.Id] = reply;
        }

        var wall = watch.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var generated = replies.Values.Sum(r => r.GeneratedTokens);
        var decoded = replies.Values.Sum(r => r.TokensDecoded);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-14} {wall.TotalSeconds,7:F2} s  {replies.Count / wall.TotalSeconds,6:F2} questions/s  {generated / wall.TotalSeconds,7:F0} generated tokens/s  ({decoded:N0} tokens decoded; {(model.Statistics.Decoding - decoding).TotalSeconds:F2} s in {model.Statistics.Decodes - decodes} llama_decode calls; CPU {cpu.TotalSeconds:F2} s)"));
        return (wall, cpu, replies);
    }
}
