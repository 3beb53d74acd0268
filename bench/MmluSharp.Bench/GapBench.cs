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
        "usage: MmluSharp.Bench gap --model M.gguf --data MMLU_DIR [--subjects a,b,c] [--shots 5] [--scratch N per subject] [--repeat N] [--mmlu mmlu.dll] [--depth] [engine options]";

    private static readonly string[] W300 = ["abstract_algebra", "college_chemistry", "medical_genetics"];

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = BenchArguments.Parse(args, Usage, W300, scratch: null);
        var workload = Workload.Mmlu(arguments.Data, arguments.Subjects, arguments.Shots);
        Console.WriteLine($"workload   {workload.Requests.Count} test questions of {string.Join(", ", workload.Subjects)}, {arguments.Shots}-shot, original prompts, letter scoring");
        Console.WriteLine($"model      {arguments.Model}; engine: {arguments.Engine.Describe()}");
        Console.WriteLine($"load avg   {LoadAverage.Now()} (start)");

        var m = await Measurement.TakeAsync(arguments, workload).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine("| | time | |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| one full-prompt forward per question, same engine | {m.ScratchSeconds:F1} s | {m.ScratchHow} |");
        foreach (var a in m.Attempts)
        {
            var run = a.Run.Wall.TotalSeconds;
            var which = m.Attempts.Count > 1 ? $" (run {a.Number})" : string.Empty;
            Console.WriteLine($"| `mmlu run`, whole process{which} | {run:F1} s | {m.ScratchSeconds / run:F2}× faster than one forward per question |");
            Console.WriteLine($"| the limit{which}: {m.Counts.Unique:N0} unique tokens at this engine's pp512 ({a.Pp512:F0} tok/s) | {a.Limit(m.Counts):F1} s | `mmlu run` reaches **{a.Share(m.Counts):P0}** of it |");
        }

        Console.WriteLine();
        if (m.Attempts.Count > 1)
        {
            Console.WriteLine($"where the time of run {m.Median.Number} went (the median share of the limit):");
        }

        Decomposition.Print(m.Median.Run, m.Counts, m.Median.Pp512);
        if (arguments.Depth)
        {
            Console.WriteLine();
            DepthBench.Run(arguments.Model, arguments.Engine.Options);
        }

        return 0;
    }
}
