using System.Globalization;
using System.Text;

namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// Jinja2's built-in filters that chat templates use, as Jinja2 defines them, and Hugging Face's <c>tojson</c>
/// (<see cref="JinjaJson"/>). A template naming any other filter is refused when it is read.
/// </summary>
internal static class JinjaFilters
{
    private static readonly Dictionary<string, Func<object?, JinjaArguments, object?>> All = new(StringComparer.Ordinal)
    {
        ["trim"] = (x, a) => JinjaMethods.Strip(JinjaValues.Str(x), a.Text(0, "chars"), true, true),
        ["length"] = (x, a) => JinjaValues.Length(x, a.Line),
        ["upper"] = (x, _) => JinjaValues.Str(x).ToUpperInvariant(),
        ["lower"] = (x, _) => JinjaValues.Str(x).ToLowerInvariant(),
        ["title"] = (x, _) => JinjaMethods.Title(JinjaValues.Str(x)),
        ["capitalize"] = (x, _) => JinjaMethods.Capitalize(JinjaValues.Str(x)),
        ["string"] = (x, _) => JinjaValues.Str(x),
        ["safe"] = (x, _) => x,
        ["escape"] = (x, _) => Escape(JinjaValues.Str(x)),
        ["default"] = (x, a) => x is JinjaUndefined || (a.Flag(1, "boolean") && !JinjaValues.Truthy(x)) ? a.Get(0, "default_value", string.Empty) : x,
        ["first"] = (x, a) => JinjaValues.Iterate(x, a.Line) is { Count: > 0 } items ? items[0] : new JinjaUndefined("first item of an empty sequence"),
        ["last"] = (x, a) => JinjaValues.Iterate(x, a.Line) is { Count: > 0 } items ? items[^1] : new JinjaUndefined("last item of an empty sequence"),
        ["list"] = (x, a) => new List<object?>(JinjaValues.Iterate(x, a.Line)),
        ["join"] = (x, a) => string.Join(a.Text(0, "d") ?? string.Empty, Attribute(JinjaValues.Iterate(x, a.Line), a.Text(1, "attribute"), a.Line).Select(JinjaValues.Str)),
        ["replace"] = (x, a) => JinjaMethods.OfString(JinjaValues.Str(x), "replace", a.Line)!.Invoke(
            a.Has(2, "count") ? [a.Get(0, "old"), a.Get(1, "new"), a.Get(2, "count")] : [a.Get(0, "old"), a.Get(1, "new")], a.Named),
        ["int"] = (x, a) => ToInt(x, a),
        ["float"] = (x, a) => x is string s ? double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : a.Get(0, "default", 0.0) : JinjaValues.IsNumber(x) ? JinjaValues.ToDouble(x) : a.Get(0, "default", 0.0),
        ["abs"] = (x, a) => x is long l ? (object)Math.Abs(l) : Math.Abs(JinjaValues.ToDouble(x)),
        ["round"] = (x, a) => Math.Round(JinjaValues.ToDouble(x), (int)JinjaValues.ToLong(a.Get(0, "precision", 0L)), MidpointRounding.AwayFromZero),
        ["sum"] = (x, a) => Attribute(JinjaValues.Iterate(x, a.Line), a.Text(0, "attribute"), a.Line).Aggregate(a.Get(1, "start", 0L), (s, v) => JinjaOperators.Binary("+", s, v, a.Line)),
        ["min"] = (x, a) => Sorted(x, a, false).FirstOrDefault(),
        ["max"] = (x, a) => Sorted(x, a, true).FirstOrDefault(),
        ["sort"] = (x, a) => Sorted(x, a, a.Flag(0, "reverse")),
        ["unique"] = (x, a) => Unique(JinjaValues.Iterate(x, a.Line)),
        ["reverse"] = (x, a) => x is string s ? string.Concat(JinjaValues.CodePoints(s).Reverse()) : new List<object?>(JinjaValues.Iterate(x, a.Line).Reverse()),
        ["items"] = (x, a) => x is Dictionary<string, object?> d ? JinjaMethods.OfDict(d, "items")!.Invoke([], a.Named) : x is JinjaUndefined ? new List<object?>() : throw new JinjaException("items needs a dict", a.Line),
        ["dictsort"] = (x, a) => x is Dictionary<string, object?> d
            ? new List<object?>(d.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (object?)new JinjaTuple([p.Key, p.Value])))
            : throw new JinjaException("dictsort needs a dict", a.Line),
        ["map"] = (x, a) => Map(JinjaValues.Iterate(x, a.Line), a),
        ["select"] = (x, a) => Select(x, a, null, true),
        ["reject"] = (x, a) => Select(x, a, null, false),
        ["selectattr"] = (x, a) => Select(x, a with { Positional = [.. a.Positional.Skip(1)] }, a.Text(0, "attribute"), true),
        ["rejectattr"] = (x, a) => Select(x, a with { Positional = [.. a.Positional.Skip(1)] }, a.Text(0, "attribute"), false),
        ["tojson"] = (x, a) => JinjaJson.Dumps(x, a.Get(0, "indent") is long or bool ? (int)JinjaValues.ToLong(a.Get(0, "indent")) : null, Separators(a), a.Flag(3, "sort_keys"), a.Line),
        ["indent"] = (x, a) => Indent(JinjaValues.Str(x), a),
        ["wordcount"] = (x, a) => (long)JinjaValues.Str(x).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length,
    };

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal) { ["d"] = "default", ["count"] = "length", ["e"] = "escape" };

    /// <summary>The filter called <paramref name="name"/>.</summary>
    /// <exception cref="JinjaException">No such filter here.</exception>
    public static Func<object?, JinjaArguments, object?> Get(string name, int line) =>
        All.TryGetValue(Aliases.GetValueOrDefault(name, name), out var filter)
            ? filter
            : throw new JinjaException($"the filter '{name}' is not supported", line);

    /// <summary>markupsafe's <c>escape</c>: <c>&amp; &lt; &gt; &#39; &#34;</c>.</summary>
    private static string Escape(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal).Replace("\"", "&#34;", StringComparison.Ordinal);

    private static object ToInt(object? x, JinjaArguments a) => x switch
    {
        long or bool => JinjaValues.ToLong(x),
        double d => (long)Math.Truncate(d),
        string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => (long)Math.Truncate(d),
        _ => a.Get(0, "default", 0L) ?? 0L,
    };

    private static IEnumerable<object?> Attribute(IEnumerable<object?> items, string? attribute, int line) =>
        attribute is null ? items : items.Select(i => Path(i, attribute, line));

    // "a.b" and "a.0" as Jinja's make_attrgetter reads them.
    private static object? Path(object? item, string attribute, int line)
    {
        foreach (var part in attribute.Split('.'))
        {
            item = long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? JinjaAccess.Item(item, index, line)
                : JinjaAccess.Item(item, part, line);
        }

        return item;
    }

    private static List<object?> Sorted(object? x, JinjaArguments a, bool reverse)
    {
        var items = JinjaValues.Iterate(x, a.Line).ToList();
        var attribute = a.Text(2, "attribute");
        var caseSensitive = a.Flag(1, "case_sensitive");
        object? Key(object? item)
        {
            var key = attribute is null ? item : Path(item, attribute, a.Line);
            return !caseSensitive && key is string s ? s.ToLowerInvariant() : key;
        }

        var sorted = items.Select((item, i) => (item, i)).ToList();
        sorted.Sort((p, q) => JinjaValues.Compare(Key(p.item), Key(q.item), a.Line) is var c && c != 0 ? (reverse ? -c : c) : p.i.CompareTo(q.i));
        return [.. sorted.Select(p => p.item)];
    }

    private static List<object?> Unique(IEnumerable<object?> items)
    {
        var result = new List<object?>();
        foreach (var item in items.Where(item => !result.Any(r => JinjaValues.Equals(r, item))))
        {
            result.Add(item);
        }

        return result;
    }

    private static List<object?> Map(IEnumerable<object?> items, JinjaArguments a)
    {
        if (a.Text(-1, "attribute") is { } attribute)
        {
            var fallback = a.Named.TryGetValue("default", out var value) ? value : null;
            return [.. items.Select(i => Path(i, attribute, a.Line) is JinjaUndefined && a.Named.ContainsKey("default") ? fallback : Path(i, attribute, a.Line))];
        }

        var name = a.Text(0, "name") ?? throw new JinjaException("map needs a filter name or attribute=", a.Line);
        var filter = Get(name, a.Line);
        var rest = a with { Positional = [.. a.Positional.Skip(1)] };
        return [.. items.Select(i => filter(i, rest))];
    }

    private static List<object?> Select(object? x, JinjaArguments a, string? attribute, bool keep)
    {
        var name = a.Text(0, "test");
        var test = name is null ? null : JinjaTests.Get(name, a.Line);
        var rest = a with { Positional = [.. a.Positional.Skip(1)] };
        return [.. JinjaValues.Iterate(x, a.Line).Where(item =>
        {
            var value = attribute is null ? item : Path(item, attribute, a.Line);
            return (test is null ? JinjaValues.Truthy(value) : test(value, rest)) == keep;
        })];
    }

    private static (string, string)? Separators(JinjaArguments a) =>
        a.Get(2, "separators") is List<object?> { Count: 2 } pair ? (JinjaValues.Str(pair[0]), JinjaValues.Str(pair[1])) : null;

    private static string Indent(string s, JinjaArguments a)
    {
        var width = a.Get(0, "width", 4L) is string w ? w : new string(' ', (int)JinjaValues.ToLong(a.Get(0, "width", 4L)));
        var (first, blank) = (a.Flag(1, "first"), a.Flag(2, "blank"));
        var lines = s.Split('\n');
        var text = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }

            var indent = (i > 0 || first) && (blank || lines[i].Length > 0 && !lines[i].All(char.IsWhiteSpace));
            text.Append(indent ? width : string.Empty).Append(lines[i]);
        }

        return text.ToString();
    }
}
