using System.Diagnostics;
using LLama;
using LLama.Common;
using LLama.Native;
using MmluSharp.LlamaCpp;
using MmluSharp.LlamaCpp.Native;

namespace MmluSharp.Bench;

/// <summary>
/// What a token's attention costs, by the cells it sees: 512 tokens decoded on sequence 0 at depth 0, with other
/// sequences' cells in the cache (masked for it) or at its own depth, on a unified KV cache with flash attention on
/// (llama.cpp's CPU default) and off (<c>--exact-kv</c>), and on per-sequence caches (<c>kv_unified=false</c>). Rounds
/// interleave the cases so a busy machine slows them alike; each rate is the median over rounds of its ratio to the
/// same context's depth-0 rate in the same round.
/// </summary>
internal static class DepthBench
{
    public const string Usage = "usage: MmluSharp.Bench depth --model M.gguf [--threads T]";

    private const int Tokens = 512;
    private static readonly int[] Cells = [512, 1024, 2048];

    public static void Run(string modelPath, LlamaCppOptions options, int rounds = 5)
    {
        NativeEnvironment.EnsurePassiveWait();
        NativeLog.Install();
        var threads = options.Threads;
        using var weights = LLamaWeights.LoadFromFile(Parameters(modelPath, 4096, 2, true, null, threads));
        var contexts = new (string Name, bool Unified, bool? Flash, GGMLType? Kv)[]
        {
            ("unified KV, flash attention auto (default)", true, null, null),
            ("unified KV, F32, no flash attention (--exact-kv)", true, false, GGMLType.GGML_TYPE_F32),
            ("per-sequence KV (kv_unified=false), flash attention auto", false, null, null),
        };
        Console.WriteLine($"depth: {Tokens} tokens on sequence 0, rate relative to depth 0 on the same context (median of {rounds} interleaved rounds); load avg {LoadAverage.Now()}");
        foreach (var (name, unified, flash, kv) in contexts)
        {
            // Per-sequence caches split the context between the sequences: 4 × 3,072 cells.
            using var context = weights.CreateContext(Parameters(modelPath, unified ? 4096 : 4 * 3072, unified ? 2 : 4, unified, flash, threads, kv));
            var cases = new List<(string Case, Func<double> Measure)> { ("depth 0, cache empty", () => Time(context.NativeHandle, 0, 0)) };
            cases.AddRange(Cells.Select(n => ($"depth 0, {n} cells of another sequence in the cache", (Func<double>)(() => Time(context.NativeHandle, 0, n)))));
            cases.AddRange(Cells.Select(n => ($"depth {n} of its own", (Func<double>)(() => Time(context.NativeHandle, n, 0)))));
            var ratios = cases.Select(_ => new List<double>()).ToList();
            var baseline = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var rates = cases.Select(c => c.Measure()).ToList();
                baseline.Add(rates[0]);
                for (var c = 0; c < cases.Count; c++)
                {
                    ratios[c].Add(rates[c] / rates[0]);
                }
            }

            Console.WriteLine($"  {name}: depth-0 rate {Median(baseline):F0} tok/s");
            for (var c = 1; c < cases.Count; c++)
            {
                Console.WriteLine($"    {cases[c].Case,-52} {Median(ratios[c]),6:P0}");
            }
        }
    }

    // One timed decode of Tokens tokens on sequence 0 at position `depth`, after filling sequence 0 up to `depth` and
    // `other` cells of sequence 1; the cache is cleared before and after.
    private static double Time(SafeLLamaContextHandle context, int depth, int other)
    {
        var random = new Random(depth + other);
        var batch = new LLamaBatch();
        const int vocabulary = 1000;
        context.MemoryClear(true);
        PromptRate.Fill(context, batch, random, vocabulary, 0, other, sequence: 1);
        PromptRate.Fill(context, batch, random, vocabulary, 0, depth);
        batch.Clear();
        for (var i = 0; i < Tokens; i++)
        {
            batch.Add((LLamaToken)random.Next(vocabulary), depth + i, LLamaSeqId.Zero, i == Tokens - 1);
        }

        var watch = Stopwatch.StartNew();
        PromptRate.Decode(context, batch);
        var rate = Tokens / watch.Elapsed.TotalSeconds;
        context.MemoryClear(true);
        return rate;
    }

    private static ModelParams Parameters(string path, int context, int sequences, bool unified, bool? flash, int threads, GGMLType? kv = null)
    {
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)context,
            BatchSize = Tokens,
            UBatchSize = Tokens,
            SeqMax = (uint)sequences,
            KVUnified = unified,
            FlashAttention = flash,
            Threads = threads,
            BatchThreads = threads,
            GpuLayerCount = 0,
        };
        if (kv is { } type)
        {
            parameters.TypeK = type;
            parameters.TypeV = type;
        }

        return parameters;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
