namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// <c>a.b</c>, <c>a[b]</c> and <c>a[i:j:k]</c> as Jinja2 evaluates them: an attribute is a method of the value if it has
/// one by that name, else the dict's item; a subscript is the item, else the attribute; anything missing is undefined.
/// </summary>
internal static class JinjaAccess
{
    public static object? Attribute(object? target, string name, int line) => target switch
    {
        JinjaUndefined u => throw new JinjaException($"{u.Name} is undefined (reading its attribute '{name}')", line),
        string s => (object?)JinjaMethods.OfString(s, name, line) ?? Missing(target, name),
        Dictionary<string, object?> dict => (object?)JinjaMethods.OfDict(dict, name) ?? (dict.TryGetValue(name, out var value) ? value : Missing(target, name)),
        JinjaNamespace ns => ns.Attributes.TryGetValue(name, out var value) ? value : Missing(target, name),
        _ => Missing(target, name),
    };

    public static object? Item(object? target, object? key, int line)
    {
        switch (target, key)
        {
            case (JinjaUndefined u, _):
                throw new JinjaException($"{u.Name} is undefined (reading its item {JinjaValues.Repr(key)})", line);
            case (Dictionary<string, object?> dict, string name):
                return dict.TryGetValue(name, out var value) ? value : Missing(target, name);
            case (List<object?> list, long or bool):
                var i = Index(JinjaValues.ToLong(key), list.Count);
                return i is int at ? list[at] : new JinjaUndefined($"list index {JinjaValues.Str(key)} (out of range)");
            case (string s, long or bool):
                var chars = JinjaValues.CodePoints(s);
                return Index(JinjaValues.ToLong(key), chars.Length) is int c ? chars[c] : new JinjaUndefined($"string index {JinjaValues.Str(key)} (out of range)");
            case (_, string attribute):
                return Attribute(target, attribute, line);
            default:
                return new JinjaUndefined($"{JinjaValues.TypeName(target)}[{JinjaValues.Repr(key)}]");
        }
    }

    /// <summary>Python's slice of a list or a string (by code point), with negative indices and steps.</summary>
    public static object? Slice(object? target, object? start, object? stop, object? step, int line)
    {
        long? Bound(object? x) => x is null or JinjaUndefined ? null : x is long or bool ? JinjaValues.ToLong(x) : throw new JinjaException("slice indices must be integers", line);
        var items = target switch
        {
            List<object?> list => list,
            string s => [.. JinjaValues.CodePoints(s)],
            JinjaUndefined u => throw new JinjaException($"{u.Name} is undefined (slicing it)", line),
            _ => throw new JinjaException($"{JinjaValues.TypeName(target)} cannot be sliced", line),
        };
        var n = (long)items.Count;
        var by = Bound(step) ?? 1;
        if (by == 0)
        {
            throw new JinjaException("slice step cannot be zero", line);
        }

        long Clamp(long? value, long fallback, long low, long high) =>
            value is not long v ? fallback : Math.Clamp(v < 0 ? v + n : v, low, high);
        var from = by > 0 ? Clamp(Bound(start), 0, 0, n) : Clamp(Bound(start), n - 1, -1, n - 1);
        var to = by > 0 ? Clamp(Bound(stop), n, 0, n) : Clamp(Bound(stop), -1, -1, n - 1);
        var result = new List<object?>();
        for (var i = from; by > 0 ? i < to : i > to; i += by)
        {
            result.Add(items[(int)i]);
        }

        return target is string ? string.Concat(result.Cast<string>()) : result;
    }

    private static int? Index(long index, int count)
    {
        var i = index < 0 ? index + count : index;
        return i >= 0 && i < count ? (int)i : null;
    }

    private static JinjaUndefined Missing(object? target, string name) =>
        new($"'{JinjaValues.TypeName(target)} object' has no attribute '{name}'");
}
