using MmluSharp.Datasets;
using MmluSharp.Results;

namespace MmluSharp.Reports.LmEval;

/// <summary>
/// Regroups a run's subjects the way lm-evaluation-harness' <c>mmlu</c> does (anatomy under STEM whatever the run's
/// grouping), with its aggregation: size-weighted accuracy and the pooled sample stderr of <c>lm_eval/api/metrics.py</c>.
/// </summary>
internal static class LmEvalGroups
{
    /// <summary>lm-eval's group names in the order it lists them, with our category names.</summary>
    public static IReadOnlyList<(string Task, string Category, string Alias)> Names { get; } =
    [
        ("mmlu_humanities", "humanities", " - humanities"), ("mmlu_other", "other", " - other"),
        ("mmlu_social_sciences", "social sciences", " - social sciences"), ("mmlu_stem", "STEM", " - stem"),
    ];

    /// <summary>The order of <c>_mmlu.yaml</c>'s <c>task</c> list, which lm-eval keeps in <c>group_subtasks.mmlu</c>.</summary>
    public static IReadOnlyList<string> TopOrder { get; } = ["mmlu_stem", "mmlu_other", "mmlu_social_sciences", "mmlu_humanities"];

    /// <summary>Each group (only those with subjects) with its subjects, in lm-eval's order.</summary>
    public static IReadOnlyList<(LmEvalGroup Group, IReadOnlyList<LmEvalGroup> Subjects)> Build(RunResults results)
    {
        var list = new List<(LmEvalGroup, IReadOnlyList<LmEvalGroup>)>();
        foreach (var (task, category, alias) in Names)
        {
            var subjects = results.Subjects
                .Where(s => MmluCatalogue.GetOrOther(s.Key, Grouping.Harness).Category == category)
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new LmEvalGroup("mmlu_" + s.Key, "  - " + s.Key, s.Value.Accuracy, s.Value.Stderr, s.Value.N))
                .ToList();
            if (subjects.Count > 0)
            {
                list.Add((Pool(task, alias, subjects), subjects));
            }
        }

        return list;
    }

    /// <summary>The size-weighted mean and pooled stderr of <paramref name="parts"/>, as lm-eval aggregates a group.</summary>
    public static LmEvalGroup Pool(string task, string alias, IReadOnlyList<LmEvalGroup> parts)
    {
        var n = parts.Sum(p => p.N);
        if (n == 0)
        {
            return new LmEvalGroup(task, alias, 0, 0, 0);
        }

        var accuracy = parts.Sum(p => p.Accuracy * p.N) / n;
        var denominator = n - parts.Count;
        var variance = denominator <= 0 ? 0 : parts.Sum(p => (p.N - 1) * p.Stderr * p.Stderr * p.N) / denominator;
        return new LmEvalGroup(task, alias, accuracy, Math.Sqrt(variance / n), n);
    }
}
