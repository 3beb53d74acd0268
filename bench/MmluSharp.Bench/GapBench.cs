using System.Diagnostics;
using System.Globalization;
using MmluSharp.LlamaCpp;
using MmluSharp.Models;

namespace MmluSharp.Bench;

/// <summary>
/// <c>MmluSharp.Bench gap</c>: issue 13's table in one run. The same workload (by default W300: 5-shot letter scoring of
/// the test questions of abstract_algebra, college_chemistry and medical_genetics) three ways: one full-prompt forward
/// per question on the benchmark's own engine, the real <c>mmlu run</c> as a whole process, and the limit (the unique
/// tokens at the engine's own pp512 rate, measured just before and after the <c>mmlu run</c>), then where the time of
/// <c>mmlu run</c> went, from its <c>MMLU_PROFILE</c>.
/// </summary>
internal static class GapBench
{
    public const string Usage =
        "usage: MmluSharp.Bench gap --model M.gguf --data MMLU_DIR [--subjects a,b,c] [--shots 5] [--scratch N per subject] [--mmlu mmlu.dll] [--depth] [engine options]";

    private static readonly string[] W300 = ["abstract_algebra", "college_chemistry", "medical_genetics"];

    public static async Task<int> RunAsync(string[] args)
    {
        string? modelPath = null, data = null, mmlu = null;
        IReadOnlyCollection<string> subjects = W300;
        int shots = 5, scratchPerSubject = int.MaxValue;
        var depth = false;
        var engine = new EngineArguments();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            if (engine.TryTake(args, ref i))
            {
                continue;
            }

            switch (args[i])
            {
                case "--model": modelPath = Next(); break;
                case "--data": data = Next(); break;
                case "--subjects": subjects = Next().Split(','); break;
                case "--shots": shots = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--scratch": scratchPerSubject = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--mmlu": mmlu = Next(); break;
                case "--depth": depth = true; break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }

        modelPath = modelPath ?? throw new ArgumentException(Usage);
        data = data ?? throw new ArgumentException(Usage);
        var workload = Workload.Mmlu(data, subjects, shots);
        Console.WriteLine($"workload   {workload.Requests.Count} test questions of {string.Join(", ", workload.Subjects)}, {shots}-shot, original prompts, letter scoring");
        Console.WriteLine($"model      {modelPath}; engine: {engine.Describe()}");
        Console.WriteLine($"load avg   {LoadAverage.Now()} (start)");

        using var model = LlamaCppModel.Load(modelPath, engine.Options);
        var counts = workload.Count(model);
        Console.WriteLine($"tokens     full prompts {counts.Full:N0}; unique {counts.Unique:N0} = prefixes {counts.Prefixes:N0} + questions {counts.Questions:N0}");

        var before = PromptRate.Measure(model);
        var folder = Path.Combine(Path.GetTempPath(), $"mmlu-gap-{Guid.NewGuid():N}");
        var child = await MmluChild.RunAsync(mmlu ?? MmluChild.DefaultPath, [
            "--model", modelPath, "--data", data, "--subjects", string.Join(',', subjects), "--shots", shots.ToString(CultureInfo.InvariantCulture),
            "--out", folder, .. engine.Cli]).ConfigureAwait(false);
        Directory.Delete(folder, recursive: true);
        var after = PromptRate.Measure(model);
        var pp512 = (before.Mean + after.Mean) / 2;
        Console.WriteLine($"pp512      {pp512:F0} tok/s (mean of 5 before mmlu run: {before.Mean:F0}, best {before.Best:F0}; after: {after.Mean:F0}, best {after.Best:F0})");
        Console.WriteLine($"load avg   {LoadAverage.Now()} (after mmlu run)");

        var scratch = await ScratchAsync(model, workload, scratchPerSubject, counts).ConfigureAwait(false);
        Console.WriteLine($"load avg   {LoadAverage.Now()} (end)");

        var limit = counts.Unique / pp512;
        var run = child.Wall.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine("| | time | |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| one full-prompt forward per question, same engine | {scratch.Seconds:F1} s | {scratch.How} |");
        Console.WriteLine($"| `mmlu run`, whole process | {run:F1} s | {scratch.Seconds / run:F2}× faster than one forward per question |");
        Console.WriteLine($"| the limit: {counts.Unique:N0} unique tokens at this engine's pp512 ({pp512:F0} tok/s) | {limit:F1} s | `mmlu run` reaches **{limit / run:P0}** of it |");
        Console.WriteLine();
        Decomposition.Print(child, counts, pp512);
        if (depth)
        {
            Console.WriteLine();
            DepthBench.Run(modelPath, engine.Options);
        }

        return 0;
    }

    // One full-prompt forward per question on the loaded engine: all questions, or the first N per subject, extrapolated
    // to all by their full-prompt tokens.
    private static async Task<(double Seconds, string How)> ScratchAsync(LlamaCppModel model, Workload workload, int perSubject, TokenCounts counts)
    {
        var sample = workload.Requests.GroupBy(r => r.Id[..r.Id.IndexOf('/', StringComparison.Ordinal)]).SelectMany(g => g.Take(perSubject)).ToList();
        var watch = Stopwatch.StartNew();
        await foreach (var _ in model.ScoreFromScratchAsync(sample).ConfigureAwait(false))
        {
        }

        var seconds = watch.Elapsed.TotalSeconds;
        if (sample.Count == workload.Requests.Count)
        {
            return (seconds, $"all {sample.Count} questions, {counts.Full / seconds:F0} tok/s");
        }

        var sampleTokens = workload.Count(model, sample).Full;
        return (seconds * counts.Full / sampleTokens,
            $"measured on {sample.Count} questions ({seconds:F1} s, {sampleTokens / seconds:F0} tok/s), extrapolated by full-prompt tokens");
    }
}
