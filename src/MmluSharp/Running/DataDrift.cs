using System.Globalization;
using MmluSharp.Prompting;
using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Running;

/// <summary>
/// How the data changed under a run folder since its samples were scored: samples whose question now renders another
/// prompt (the stored <c>prompt_sha256</c> no longer matches) or has another gold letter, samples whose question is
/// gone, and subjects whose question count changed (questions added or removed, <c>run.json</c> recording the counts).
/// </summary>
internal sealed record DataDrift(IReadOnlyList<string> Changed, IReadOnlyList<string> Removed, IReadOnlyList<string> Recounted)
{
    private const int Listed = 6;

    /// <summary>Nothing changed.</summary>
    public bool IsEmpty => Changed.Count == 0 && Removed.Count == 0 && Recounted.Count == 0;

    /// <summary>The keys of the samples that no longer belong to the run.</summary>
    public IReadOnlySet<string> StaleKeys => Changed.Concat(Removed).ToHashSet(StringComparer.Ordinal);

    /// <summary>Questions per subject in <paramref name="items"/>.</summary>
    public static Dictionary<string, int> Count(IEnumerable<PromptedQuestion> items) =>
        items.GroupBy(i => i.Question.Subject, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Compares stored <paramref name="samples"/> and the recorded <paramref name="counts"/> with the questions now.</summary>
    public static DataDrift Find(
        IReadOnlyList<PromptedQuestion> items, IEnumerable<Sample> samples, IReadOnlyDictionary<string, int>? counts, IQuestionScorer scorer)
    {
        var byKey = items.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var changed = new List<string>();
        var removed = new List<string>();
        foreach (var sample in samples)
        {
            if (!byKey.TryGetValue(sample.Key, out var item))
            {
                removed.Add(sample.Key);
            }
            else if (sample.Gold != item.Question.AnswerLetter || sample.PromptSha256 != scorer.PromptSha256(item, sample.ShotsUsed))
            {
                changed.Add(sample.Key);
            }
        }

        var recounted = new List<string>();
        if (counts is not null)
        {
            var now = Count(items);
            foreach (var subject in counts.Keys.Union(now.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var (before, after) = (counts.GetValueOrDefault(subject), now.GetValueOrDefault(subject));
                if (before != after)
                {
                    recounted.Add(string.Create(CultureInfo.InvariantCulture, $"{subject} {before} → {after}"));
                }
            }
        }

        return new DataDrift(changed, removed, recounted);
    }

    /// <summary>One line: what changed, and the two ways on.</summary>
    public FormattableString Describe(string folder)
    {
        var parts = new List<string>();
        if (Changed.Count > 0)
        {
            parts.Add($"{Questions(Changed.Count)} scored before now {(Changed.Count == 1 ? "has" : "have")} another prompt or answer ({List(Changed)})");
        }

        if (Removed.Count > 0)
        {
            parts.Add($"{Questions(Removed.Count)} scored before {(Removed.Count == 1 ? "is" : "are")} no longer in the data ({List(Removed)})");
        }

        if (Recounted.Count > 0)
        {
            parts.Add($"questions per subject changed ({List(Recounted)})");
        }

        return $"{folder}: the data changed since this run started: {string.Join("; ", parts)}. Start a fresh run with another {OptionText.Mention(nameof(EvaluationOptions.OutputFolder))}, or add {OptionText.Mention(nameof(EvaluationOptions.RescoreChanged))} to drop those samples and score the questions as they are now.";
    }

    private static string Questions(int n) => n == 1 ? "1 question" : string.Create(CultureInfo.InvariantCulture, $"{n} questions");

    private static string List(IReadOnlyList<string> items) =>
        items.Count <= Listed
            ? string.Join(", ", items)
            : string.Join(", ", items.Take(Listed)) + string.Create(CultureInfo.InvariantCulture, $" and {items.Count - Listed} more");
}
