namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// The functions a chat template can call: Jinja2's <c>range</c>, <c>namespace</c> and <c>dict</c>, and Hugging Face's
/// <c>raise_exception</c>. <c>strftime_now</c> is left out on purpose: templates fall back to a fixed date of their own,
/// so a prompt does not change from one day to the next.
/// </summary>
internal static class JinjaGlobals
{
    public static IReadOnlyDictionary<string, object?> All { get; } = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["range"] = new JinjaCallable("range", (a, _) => Range(a)),
        ["namespace"] = new JinjaCallable("namespace", (a, named) =>
        {
            var ns = new JinjaNamespace();
            foreach (var (key, value) in (a.Count > 0 && a[0] is Dictionary<string, object?> initial ? initial : []).Concat(named))
            {
                ns.Attributes[key] = value;
            }

            return ns;
        }),
        ["dict"] = new JinjaCallable("dict", (_, named) => new Dictionary<string, object?>(named, StringComparer.Ordinal)),
        ["raise_exception"] = new JinjaCallable("raise_exception", (a, _) => throw new JinjaRaisedException(a.Count > 0 ? JinjaValues.Str(a[0]) : string.Empty, 0)),
    };

    private static List<object?> Range(IReadOnlyList<object?> a)
    {
        var (start, stop, step) = a.Count switch
        {
            1 => (0L, JinjaValues.ToLong(a[0]), 1L),
            2 => (JinjaValues.ToLong(a[0]), JinjaValues.ToLong(a[1]), 1L),
            3 => (JinjaValues.ToLong(a[0]), JinjaValues.ToLong(a[1]), JinjaValues.ToLong(a[2])),
            _ => throw new JinjaException("range takes 1 to 3 arguments"),
        };
        if (step == 0)
        {
            throw new JinjaException("range step cannot be zero");
        }

        var items = new List<object?>();
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            items.Add(i);
            if (items.Count > 1_000_000)
            {
                throw new JinjaException("range is too long");
            }
        }

        return items;
    }
}
