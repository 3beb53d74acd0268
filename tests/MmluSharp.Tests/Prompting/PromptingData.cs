using System.Collections.Concurrent;
using MmluSharp.Datasets;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Prompting;

/// <summary>The shared MMLU CSVs, read once per test run.</summary>
internal static class PromptingData
{
    private static readonly Lazy<MmluDirectory> Directory = new(() => new MmluDirectory(SharedData.Mmlu));
    private static readonly ConcurrentDictionary<string, IReadOnlyList<Question>> Splits = new(StringComparer.Ordinal);

    public static MmluDirectory Mmlu => Directory.Value;

    /// <summary>All questions of a split: subjects alphabetical, rows in file order.</summary>
    public static IReadOnlyList<Question> Split(string split) => Splits.GetOrAdd(split, s => Mmlu.ReadSplit(s));

    /// <summary>The first <paramref name="k"/> dev rows of a subject, the reference harnesses' shots.</summary>
    public static IReadOnlyList<Question> Shots(string subject, int k) => [.. Mmlu.Read("dev", subject).Take(k)];

    public static Question Test(string subject, int index) => Mmlu.Read("test", subject)[index];

    /// <summary>A question built in place, for tests that need text the data does not have.</summary>
    public static Question Make(string text, params string[] choices) =>
        new("mmlu", "abstract_algebra", "test", 0, text, choices, 1);
}
