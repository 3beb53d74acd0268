using MmluSharp.Datasets;
using MmluSharp.Results;

namespace MmluSharp.Reports.LmEval;

/// <summary>
/// Regroups a run's subjects the way lm-evaluation-harness' <c>mmlu</c> does (anatomy under STEM whatever the run's
/// grouping) and aggregates every group as <c>lm_eval/evaluator_utils.py</c> (<c>consolidate_group_results</c>)
/// does: over the leaf tasks under it, so <c>mmlu</c> pools its 57 subjects, not its 4 groups.
/// </summary>
internal static class LmEvalGroups
{
    /// <summary>lm-eval's group names in the order its tables list them, with our category names.</summary>
    public static IReadOnlyList<(string Task, string Category, string Alias)> Names { get; } =
    [
        ("mmlu_humanities", "humanities", " - humanities"), ("mmlu_other", "other", " - other"),
        ("mmlu_social_sciences", "social sciences", " - social sciences"), ("mmlu_stem", "STEM", " - stem"),
    ];

    /// <summary>The order of <c>_mmlu.yaml</c>'s <c>task</c> list: the order lm-eval evaluates (and aggregates) the groups.</summary>
    public static IReadOnlyList<string> TopOrder { get; } = ["mmlu_stem", "mmlu_other", "mmlu_social_sciences", "mmlu_humanities"];

    /// <summary>
    /// Each group that has subjects, in <see cref="Names"/> order, with its subjects alphabetically. Subject stderrs
    /// are <c>"N/A"</c> (null) when <paramref name="bootstrapIters"/> is 0 or a subject has a single question, as
    /// lm-eval's <c>calculate_aggregate_metric</c> writes them.
    /// </summary>
    public static IReadOnlyList<(LmEvalGroup Group, IReadOnlyList<LmEvalGroup> Subjects)> Build(RunResults results, int bootstrapIters)
    {
        var list = new List<(LmEvalGroup, IReadOnlyList<LmEvalGroup>)>();
        foreach (var (task, category, alias) in Names)
        {
            var subjects = results.Subjects
                .Where(s => MmluCatalogue.GetOrOther(s.Key, Grouping.Harness).Category == category)
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => new LmEvalGroup(
                    "mmlu_" + s.Key,
                    "  - " + s.Key,
                    s.Value.Accuracy,
                    bootstrapIters > 0 && s.Value.N > 1 ? s.Value.Stderr : null,
                    s.Value.N,
                    s.Value.Available ?? s.Value.N))
                .ToList();
            if (subjects.Count > 0)
            {
                list.Add((Pool(task, alias, subjects), subjects));
            }
        }

        return list;
    }

    /// <summary>The <c>mmlu</c> row: every subject of <paramref name="groups"/>, taken in lm-eval's evaluation order.</summary>
    public static LmEvalGroup Top(IReadOnlyList<(LmEvalGroup Group, IReadOnlyList<LmEvalGroup> Subjects)> groups) =>
        Pool("mmlu", "mmlu", [.. TopOrder.SelectMany(t => groups.Where(g => g.Group.Task == t).SelectMany(g => g.Subjects))]);

    /// <summary>
    /// A group over its leaf tasks <paramref name="leaves"/>: accuracy as <c>aggregate_subtask_metrics</c> (the
    /// size-weighted mean) and stderr as <c>pooled_sample_stderr</c> of <c>lm_eval/api/metrics.py</c>, with the same
    /// operations in the same order; <c>"N/A"</c> (null) if any leaf's stderr is.
    /// </summary>
    public static LmEvalGroup Pool(string task, string alias, IReadOnlyList<LmEvalGroup> leaves)
    {
        var n = leaves.Sum(p => p.N);
        var original = leaves.Sum(p => p.Original);
        if (n == 0)
        {
            return new LmEvalGroup(task, alias, 0, null, 0, original);
        }

        var accuracy = 0.0;
        foreach (var leaf in leaves)
        {
            accuracy += leaf.Accuracy * leaf.N;
        }

        accuracy /= n;
        if (leaves.Any(p => p.Stderr is null) || n == leaves.Count)
        {
            return new LmEvalGroup(task, alias, accuracy, null, n, original);
        }

        var pooled = 0.0;
        foreach (var leaf in leaves)
        {
            var stderr = leaf.Stderr!.Value;
            pooled += (leaf.N - 1) * (stderr * stderr) * leaf.N;
        }

        pooled /= n - leaves.Count;
        return new LmEvalGroup(task, alias, accuracy, Math.Sqrt(pooled / n), n, original);
    }
}
