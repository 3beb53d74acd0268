namespace MmluSharp.Prompting.Chat;

/// <summary>
/// Finds a header, shots and query in the renderings of one conversation with 0, 1, … n examples, such that the
/// rendering with k examples is exactly the header, the first k shots and the query: the query is what all renderings
/// end with, and each rendering without it must extend the one with an example fewer. Templates that render each
/// message on its own satisfy this; for one that does not (say it rewrites earlier turns as the conversation grows),
/// there is no such split and the prompt is kept whole.
/// </summary>
internal static class ChatPromptSplit
{
    public static Prompt? Of(IReadOnlyList<string> renders)
    {
        var last = renders[^1];
        var suffix = last.Length;
        foreach (var render in renders)
        {
            suffix = Math.Min(suffix, CommonSuffix(last, render));
        }

        var prefixes = renders.Select(r => r[..(r.Length - suffix)]).ToList();
        for (var k = 1; k < prefixes.Count; k++)
        {
            if (!prefixes[k].StartsWith(prefixes[k - 1], StringComparison.Ordinal))
            {
                return null;
            }
        }

        var shots = Enumerable.Range(1, prefixes.Count - 1).Select(k => prefixes[k][prefixes[k - 1].Length..]).ToArray();
        return new Prompt(prefixes[0], Array.AsReadOnly(shots), last[^suffix..]);
    }

    private static int CommonSuffix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[^(n + 1)] == b[^(n + 1)])
        {
            n++;
        }

        return n;
    }
}
