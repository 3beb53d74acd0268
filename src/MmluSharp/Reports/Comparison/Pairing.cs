using MmluSharp.Results;

namespace MmluSharp.Reports.Comparison;

/// <summary>Decides whether two runs can be compared question by question, and lines up their outcomes.</summary>
internal static class Pairing
{
    /// <summary>Why <paramref name="a"/> and <paramref name="b"/> cannot be paired, or null when they can.</summary>
    public static string? RefusalReason(ComparedRun a, ComparedRun b)
    {
        if (a.Samples is null || b.Samples is null)
        {
            var missing = a.Samples is null ? a : b;
            return $"{missing.Label} has no samples.jsonl beside its results.json, so there are no per-question outcomes to pair";
        }

        var ra = a.Results;
        var rb = b.Results;
        var differences = new List<string>();
        void Differ(string what, string x, string y)
        {
            if (!string.Equals(x, y, StringComparison.Ordinal))
            {
                differences.Add($"{what} {x} vs {y}");
            }
        }

        Differ("benchmark", ra.Benchmark, rb.Benchmark);
        Differ("split", ra.Split, rb.Split);
        Differ("shots", InvariantNumbers.Int(ra.Shots), InvariantNumbers.Int(rb.Shots));
        Differ("prompt style", ra.Style, rb.Style);
        Differ("prompt version", InvariantNumbers.Int(ra.Run.PromptVersion), InvariantNumbers.Int(rb.Run.PromptVersion));
        if (differences.Count > 0)
        {
            return "the runs used different prompts (" + string.Join(", ", differences) + "), so a question is not the same test in both";
        }

        var keysA = a.Samples.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var keysB = b.Samples.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var onlyA = keysA.Count(k => !keysB.Contains(k));
        var onlyB = keysB.Count(k => !keysA.Contains(k));
        if (onlyA + onlyB > 0)
        {
            return $"the runs scored different questions ({InvariantNumbers.Int(onlyA)} only in {a.Label}, {InvariantNumbers.Int(onlyB)} only in {b.Label})";
        }

        // Same keys can still be different questions (another data folder, another version of the data).
        var goldB = b.Samples.ToDictionary(s => s.Key, s => s.Gold, StringComparer.Ordinal);
        var otherGold = a.Samples.Count(s => goldB[s.Key] != s.Gold);
        return otherGold == 0 ? null
            : $"the runs scored different questions under the same numbers ({InvariantNumbers.Int(otherGold)} have another gold answer)";
    }

    /// <summary>Outcomes of both runs, question by question, grouped by subject (ordinal order, then index).</summary>
    public static IReadOnlyDictionary<string, (bool[] A, bool[] B)> Align(IReadOnlyList<Sample> a, IReadOnlyList<Sample> b)
    {
        var right = b.ToDictionary(s => s.Key, s => s.Correct, StringComparer.Ordinal);
        return a.GroupBy(s => s.Subject, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var ordered = g.OrderBy(s => s.Index).ThenBy(s => s.Rotation).ToArray();
                    return (ordered.Select(s => s.Correct).ToArray(), ordered.Select(s => right[s.Key]).ToArray());
                },
                StringComparer.Ordinal);
    }
}
