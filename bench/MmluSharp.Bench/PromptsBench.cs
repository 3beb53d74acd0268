using System.Diagnostics;
using System.Globalization;
using MmluSharp.Datasets;
using MmluSharp.Prompting;

namespace MmluSharp.Bench;

/// <summary>
/// <c>MmluSharp.Bench prompts</c>: how fast the test split is read, its five-shot prompts are built in both styles and
/// written as <c>mmlu prompts</c> JSON lines (to memory). Reports the best of several runs; it asserts nothing.
/// </summary>
internal static class PromptsBench
{
    public const string Usage = "usage: MmluSharp.Bench prompts --data MMLU_DIR [--split test] [--shots 5] [--runs 5]";

    public static int Run(string[] args)
    {
        string? data = null;
        string split = "test";
        int shots = 5, runs = 5;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--data": data = Next(); break;
                case "--split": split = Next(); break;
                case "--shots": shots = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }

        var mmlu = new MmluDirectory(data ?? throw new ArgumentException(Usage));
        var questions = mmlu.ReadSplit(split);
        var examples = mmlu.Subjects("dev").ToDictionary(s => s, s => (IReadOnlyList<Question>)[.. mmlu.Read("dev", s).Take(shots)], StringComparer.Ordinal);
        var prompts = new Prompt[questions.Count];
        long bytes = 0;
        Console.WriteLine($"{questions.Count} {split} questions, {shots}-shot, best of {runs} runs after one warm-up run");

        var read = Best(runs, () => mmlu.ReadSplit(split));
        var harness = Best(runs, () => Build(PromptStyle.Harness));
        var original = Best(runs, () => Build(PromptStyle.Original));
        var write = Best(runs, () =>
        {
            using var sink = new MemoryStream();
            PromptsJsonlWriter.Write(questions.Zip(prompts), PromptStyle.Original.Name, sink);
            bytes = sink.Length;
        });

        Report("read split", read, questions.Count);
        Report("build harness", harness, questions.Count);
        Report("build original", original, questions.Count);
        Report("write jsonl", write, questions.Count);
        Console.WriteLine($"{"",-16} {bytes / 1048576.0:F1} MiB of JSON lines, {bytes / 1048576.0 / write.TotalSeconds:F0} MiB/s");
        return 0;

        void Build(PromptStyle style)
        {
            for (var i = 0; i < questions.Count; i++)
            {
                prompts[i] = PromptBuilder.Build(style, questions[i], examples[questions[i].Subject]);
            }
        }
    }

    /// <summary>The shortest of <paramref name="runs"/> timed runs, after one untimed run (JIT, file cache).</summary>
    private static TimeSpan Best(int runs, Action action)
    {
        action();
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    private static void Report(string name, TimeSpan time, int count) =>
        Console.WriteLine($"{name,-16} {time.TotalMilliseconds,8:F1} ms  {time.TotalMilliseconds * 1000 / count,6:F2} µs per question");
}
