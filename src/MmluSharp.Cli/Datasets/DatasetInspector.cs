using MmluSharp.Datasets;

namespace MmluSharp.Cli.Datasets;

/// <summary>Counts what an MMLU folder holds (for <c>mmlu datasets info</c>).</summary>
internal static class DatasetInspector
{
    /// <summary>Reads every split of <paramref name="dir"/> and counts subjects, rows, categories, duplicates and shared rows.</summary>
    /// <exception cref="DatasetException">A file is malformed.</exception>
    public static DatasetSummary Describe(MmluDirectory dir, Grouping grouping = Grouping.Original)
    {
        ArgumentNullException.ThrowIfNull(dir);
        return new DatasetSummary(dir.Root, grouping, [.. dir.Splits.Select(split => DescribeSplit(dir, split, grouping))]);
    }

    private static SplitSummary DescribeSplit(MmluDirectory dir, string split, Grouping grouping)
    {
        var subjects = dir.Subjects(split);
        var questions = dir.ReadSplit(split);

        var categories = MmluCatalogue.Categories.Select(category =>
        {
            var members = subjects.Where(s => MmluCatalogue.GetOrOther(s, grouping).Category == category).ToHashSet(StringComparer.Ordinal);
            return new CategoryCount(category, members.Count, questions.Count(q => members.Contains(q.Subject)));
        });

        var duplicates = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var subjectsOfRow = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            var key = Key(q);
            if (!subjectsOfRow.TryGetValue(key, out var holders))
            {
                subjectsOfRow[key] = holders = new SortedSet<string>(StringComparer.Ordinal);
            }

            if (!holders.Add(q.Subject))
            {
                duplicates[q.Subject] = duplicates.GetValueOrDefault(q.Subject) + 1;
            }
        }

        var shared = subjectsOfRow.Values.Where(h => h.Count > 1).ToList();
        var pairs = shared
            .SelectMany(h => h.SelectMany(a => h.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b))))
            .GroupBy(p => p)
            .Select(g => new SubjectPairCount(g.Key.a, g.Key.b, g.Count()))
            .OrderBy(p => p.First, StringComparer.Ordinal)
            .ThenBy(p => p.Second, StringComparer.Ordinal);

        return new SplitSummary(
            split,
            subjects.Count,
            questions.Count,
            [.. categories],
            duplicates.Values.Sum(),
            [.. duplicates.Select(d => new SubjectCount(d.Key, d.Value))],
            shared.Count,
            [.. pairs]);
    }

    /// <summary>The row's identity: question, choices and answer, joined by a character the files never hold.</summary>
    private static string Key(Question q) => string.Join('\u0001', [q.Text, .. q.Choices, q.AnswerLetter]);
}
