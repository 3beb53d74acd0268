namespace MmluSharp.Datasets;

/// <summary>Answer letters A, B, C, … and their indices.</summary>
internal static class Letters
{
    private static readonly string[] All = [.. Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString())];

    /// <summary>The letter for a 0-based option index.</summary>
    public static string Of(int index) => All[index];

    /// <summary>The first <paramref name="count"/> letters.</summary>
    public static IReadOnlyList<string> First(int count) => All[..count];

    /// <summary>The 0-based index of a single upper-case letter, or -1.</summary>
    public static int IndexOf(string letter) =>
        letter.Length == 1 && letter[0] is >= 'A' and <= 'Z' ? letter[0] - 'A' : -1;
}
