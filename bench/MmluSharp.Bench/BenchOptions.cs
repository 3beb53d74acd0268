using System.Globalization;

namespace MmluSharp.Bench;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions(
    string Model, string Data, int Shots, int Limit, int? Threads, bool ExactKv, int BatchSize, int Parallel, bool SkipScratch, string? Subjects)
{
    public const string Usage =
        "usage: MmluSharp.Bench --model PATH --data MMLU_DIR [--shots 5] [--limit N] [--threads T] [--exact] [--batch 512] [--parallel 32] [--shared-only] [--subjects N | a,b,c]\n"
        + PromptsBench.Usage + "\n" + GapBench.Usage + "\n" + FullBench.Usage + "\n" + DepthBench.Usage;

    public static BenchOptions Parse(string[] args)
    {
        string? model = null, data = null;
        int shots = 5, limit = 5, batch = 512, parallel = 32;
        string? subjects = null;
        int? threads = null;
        bool exact = false, sharedOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--model": model = Next(); break;
                case "--data": data = Next(); break;
                case "--shots": shots = NextInt(); break;
                case "--limit": limit = NextInt(); break;
                case "--threads": threads = NextInt(); break;
                case "--batch": batch = NextInt(); break;
                case "--parallel": parallel = NextInt(); break;
                case "--exact": exact = true; break;
                case "--shared-only": sharedOnly = true; break;
                case "--subjects": subjects = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}\n{Usage}");
            }
        }

        return new BenchOptions(
            model ?? throw new ArgumentException(Usage), data ?? throw new ArgumentException(Usage), shots, limit, threads, exact, batch, parallel, sharedOnly, subjects);
    }
}
