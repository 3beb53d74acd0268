namespace MmluSharp.Bench;

/// <summary>
/// <c>MmluSharp.Bench full</c>: the whole of MMLU (every subject's test split, 5-shot) through the real <c>mmlu run</c>:
/// wall time, tokens decoded against the unique tokens, peak resident memory and the resident memory as the samples
/// grow (flat in the number of questions), the limit at this engine's pp512 rate, and one full-prompt forward per
/// question measured on the first questions of every subject and extrapolated by full-prompt tokens.
/// </summary>
internal static class FullBench
{
    public const string Usage = "usage: MmluSharp.Bench full --model M.gguf --data MMLU_DIR [--shots 5] [--scratch N per subject, default 2] [--mmlu mmlu.dll] [engine options]";

    private static readonly int[] Marks = [1_000, 5_000, 10_000, 14_000];

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = BenchArguments.Parse(args, Usage, subjects: null, scratch: 2);
        var workload = Workload.Mmlu(arguments.Data, arguments.Subjects, arguments.Shots);
        var questions = workload.Requests.Count;
        Console.WriteLine($"workload   {questions:N0} test questions, {workload.Subjects.Count} subjects, {arguments.Shots}-shot, original prompts, letter scoring");
        Console.WriteLine($"model      {arguments.Model}; engine: {arguments.Engine.Describe()}");
        Console.WriteLine($"load avg   {LoadAverage.Now()} (start)");

        SampleWatch? watch = null;
        var m = await Measurement.TakeAsync(arguments, workload, path => watch = new SampleWatch(path, [.. Marks.Where(n => n < questions), questions])).ConfigureAwait(false);
        var attempt = m.Median;
        var run = attempt.Run.Wall.TotalSeconds;
        var decoded = attempt.Run.Profile?.Engine is { } engine ? engine.PrefixTokens + engine.QuestionTokens : 0;
        Console.WriteLine();
        Console.WriteLine("| | |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| `mmlu run`, whole process | {run:F0} s ({run / 60:F1} min), {questions / run:F1} questions/s |");
        Console.WriteLine($"| tokens decoded | {decoded:N0} ({(double)decoded / m.Counts.Unique:P1} of the {m.Counts.Unique:N0} unique; full prompts {m.Counts.Full:N0}, {(double)m.Counts.Full / m.Counts.Unique:F2}× more) |");
        var peak = Math.Max(attempt.Run.Profile?.PeakRssBytes ?? 0, watch!.Seen.Max(s => s.Peak) ?? 0);
        Console.WriteLine($"| peak RSS | {peak / 1048576.0:F0} MiB (VmHWM of the child) |");
        Console.WriteLine($"| one full-prompt forward per question, same engine | {m.ScratchSeconds:F0} s ({m.ScratchSeconds / 3600:F1} h), {m.ScratchHow}: `mmlu run` is {m.ScratchSeconds / run:F1}× faster |");
        Console.WriteLine($"| the limit: unique tokens at pp512 ({attempt.Pp512:F0} tok/s) | {attempt.Limit(m.Counts):F0} s: `mmlu run` reaches {attempt.Share(m.Counts):P0} of it |");
        Console.WriteLine();
        Console.WriteLine("| samples written | resident memory | peak so far | at |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (_, samples, rss, peakSoFar, at) in watch.Seen)
        {
            Console.WriteLine($"| {samples:N0} | {rss / 1048576.0:F0} MiB | {peakSoFar / 1048576.0:F0} MiB | {at.TotalSeconds:F0} s |");
        }

        Console.WriteLine();
        Decomposition.Print(attempt.Run, m.Counts, attempt.Pp512);
        return 0;
    }
}
