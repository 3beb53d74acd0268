namespace MmluSharp.Bench;

/// <summary>Where the wall time of one <c>mmlu run</c> process went, from its own profile, as a Markdown table.</summary>
internal static class Decomposition
{
    public static void Print(ChildRun child, TokenCounts counts, double pp512)
    {
        if (child.Profile is not { Engine: { } e } p)
        {
            Console.WriteLine("(this mmlu wrote no MMLU_PROFILE: no decomposition)");
            return;
        }

        var decoded = e.PrefixTokens + e.QuestionTokens;
        var otherEngine = e.Busy - e.PlanningWait - e.PrefixDecode - e.QuestionDecode - e.LogitRead;
        var wall = child.Wall.TotalSeconds;
        (string Phase, double Seconds, string Note)[] rows =
        [
            ("process start (runtime, arguments) and exit", child.StartAndExit, string.Empty),
            ("reading the data and rendering the prompts", p.Reading, string.Empty),
            ("model: header, SHA-256, llama.cpp load", p.Model, $"llama.cpp load {e.Load:F2} s"),
            ("tokenization and planning, waited for", e.PlanningWait, $"{e.Planning:F2} s in all, the rest beside decoding"),
            ("decoding: shared prefixes", e.PrefixDecode, $"{e.PrefixTokens:N0} tokens, {Rate(e.PrefixTokens, e.PrefixDecode)}"),
            ("decoding: questions' own tokens", e.QuestionDecode, $"{e.QuestionTokens:N0} tokens, {Rate(e.QuestionTokens, e.QuestionDecode)}"),
            ("logit reads (log-softmax)", e.LogitRead, string.Empty),
            ("engine bookkeeping (batches, KV sequences)", otherEngine, $"{e.Decodes:N0} llama_decode calls"),
            ("writing samples, progress, results.json", p.Scoring - e.Busy, string.Empty),
            ("writing report.md and report.html", p.Reports, string.Empty),
        ];
        var accounted = rows.Sum(r => r.Seconds);
        Console.WriteLine("| `mmlu run` phase | seconds | share | |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (phase, seconds, note) in rows)
        {
            Console.WriteLine($"| {phase} | {seconds:F2} | {seconds / wall:P1} | {note} |");
        }

        Console.WriteLine($"| not accounted for | {wall - accounted:F2} | {(wall - accounted) / wall:P1} | |");
        Console.WriteLine($"| **whole process** | **{wall:F2}** | 100% | peak RSS {p.PeakRssBytes / 1048576.0:F0} MiB |");
        Console.WriteLine();
        Console.WriteLine($"decoded {decoded:N0} tokens ({(double)decoded / counts.Unique:P1} of the unique {counts.Unique:N0}) in {e.PrefixDecode + e.QuestionDecode:F2} s inside llama_decode: "
            + $"{decoded / (e.PrefixDecode + e.QuestionDecode):F0} tok/s, {decoded / (e.PrefixDecode + e.QuestionDecode) / pp512:P0} of pp512");
    }

    private static string Rate(long tokens, double seconds) => seconds > 0 ? $"{tokens / seconds:F0} tok/s" : "-";
}
