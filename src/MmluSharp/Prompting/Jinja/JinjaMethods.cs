using System.Globalization;
using System.Text;

namespace MmluSharp.Prompting.Jinja;

/// <summary>The Python methods of <c>str</c> and <c>dict</c> that chat templates call, bound to their value.</summary>
internal static class JinjaMethods
{
    /// <summary>The method <paramref name="name"/> of the string, or null when str has none by that name here.</summary>
    public static JinjaCallable? OfString(string s, string name, int line) => name switch
    {
        "strip" => Bind(name, a => Strip(s, Chars(a, 0, line), true, true)),
        "lstrip" => Bind(name, a => Strip(s, Chars(a, 0, line), true, false)),
        "rstrip" => Bind(name, a => Strip(s, Chars(a, 0, line), false, true)),
        "split" => Bind(name, a => Split(s, a.Count > 0 && a[0] is not null ? Text(a[0], line) : null, a.Count > 1 ? JinjaValues.ToLong(a[1]) : -1, line)),
        "startswith" => Bind(name, a => Prefixes(a, line).Any(p => s.StartsWith(p, StringComparison.Ordinal))),
        "endswith" => Bind(name, a => Prefixes(a, line).Any(p => s.EndsWith(p, StringComparison.Ordinal))),
        "lower" => Bind(name, _ => s.ToLowerInvariant()),
        "upper" => Bind(name, _ => s.ToUpperInvariant()),
        "title" => Bind(name, _ => Title(s)),
        "capitalize" => Bind(name, _ => Capitalize(s)),
        "replace" => Bind(name, a => Replace(s, Text(a[0], line), Text(a[1], line), a.Count > 2 ? JinjaValues.ToLong(a[2]) : -1)),
        "find" => Bind(name, a => (long)s.IndexOf(Text(a[0], line), StringComparison.Ordinal)),
        "count" => Bind(name, a => (long)Count(s, Text(a[0], line))),
        "join" => Bind(name, a => string.Join(s, JinjaValues.Iterate(a[0], line).Select(JinjaValues.Str))),
        "isdigit" => Bind(name, _ => s.Length > 0 && s.All(char.IsDigit)),
        "isspace" => Bind(name, _ => s.Length > 0 && s.All(PythonText.IsSpace)),
        "isalpha" => Bind(name, _ => s.Length > 0 && s.All(char.IsLetter)),
        "splitlines" => Bind(name, _ => new List<object?>(s.Split('\n').Select(l => (object?)l.TrimEnd('\r')).SkipLast(s.EndsWith('\n') ? 1 : 0))),
        _ => null,
    };

    /// <summary>The method <paramref name="name"/> of the dict, or null.</summary>
    public static JinjaCallable? OfDict(Dictionary<string, object?> dict, string name) => name switch
    {
        "items" => Bind(name, _ => new List<object?>(dict.Select(p => (object?)new JinjaTuple([p.Key, p.Value])))),
        "keys" => Bind(name, _ => new List<object?>(dict.Keys)),
        "values" => Bind(name, _ => new List<object?>(dict.Values)),
        "get" => Bind(name, a => a.Count > 0 && a[0] is string key && dict.TryGetValue(key, out var value) ? value : a.Count > 1 ? a[1] : null),
        _ => null,
    };

    /// <summary>Python's <c>str.strip([chars])</c> and its one-sided forms; no chars means Python's whitespace.</summary>
    public static string Strip(string s, string? chars, bool left, bool right)
    {
        bool Drop(char c) => chars is null ? PythonText.IsSpace(c) : chars.Contains(c, StringComparison.Ordinal);
        var (start, end) = (0, s.Length);
        while (left && start < end && Drop(s[start]))
        {
            start++;
        }

        while (right && end > start && Drop(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    private static JinjaCallable Bind(string name, Func<IReadOnlyList<object?>, object?> body) => new(name, (args, _) => body(args));

    private static string Text(object? value, int line) =>
        value as string ?? throw new JinjaException($"expected a string, not {JinjaValues.TypeName(value)}", line);

    private static string? Chars(IReadOnlyList<object?> args, int index, int line) =>
        args.Count > index && args[index] is not null ? Text(args[index], line) : null;

    private static IEnumerable<string> Prefixes(IReadOnlyList<object?> args, int line) =>
        args[0] is List<object?> several ? several.Select(p => Text(p, line)) : [Text(args[0], line)];

    private static List<object?> Split(string s, string? separator, long max, int line)
    {
        if (separator is null)
        {
            var words = new List<object?>();
            var at = 0;
            while (true)
            {
                while (at < s.Length && PythonText.IsSpace(s[at]))
                {
                    at++;
                }

                if (at >= s.Length)
                {
                    return words;
                }

                if (max >= 0 && words.Count == max)
                {
                    words.Add(Strip(s[at..], null, false, true));
                    return words;
                }

                var start = at;
                while (at < s.Length && !PythonText.IsSpace(s[at]))
                {
                    at++;
                }

                words.Add(s[start..at]);
            }
        }

        if (separator.Length == 0)
        {
            throw new JinjaException("empty separator", line);
        }

        var parts = max < 0 ? s.Split(separator) : s.Split(separator, (int)Math.Min(max + 1, int.MaxValue));
        return [.. parts];
    }

    private static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0)
        {
            return old.Length == 0 ? string.Join(replacement, ["", .. JinjaValues.CodePoints(s), ""]) : s.Replace(old, replacement, StringComparison.Ordinal);
        }

        var text = new StringBuilder();
        var at = 0;
        for (var n = 0; n < count && old.Length > 0; n++)
        {
            var found = s.IndexOf(old, at, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            text.Append(s, at, found - at).Append(replacement);
            at = found + old.Length;
        }

        return text.Append(s, at, s.Length - at).ToString();
    }

    private static int Count(string s, string part)
    {
        if (part.Length == 0)
        {
            return JinjaValues.CodePoints(s).Length + 1;
        }

        var n = 0;
        for (var at = s.IndexOf(part, StringComparison.Ordinal); at >= 0; at = s.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>Python's <c>str.title()</c>: a letter after a non-letter is upper-cased, other letters lower-cased.</summary>
    public static string Title(string s)
    {
        var text = new StringBuilder(s.Length);
        var previousCased = false;
        foreach (var c in s)
        {
            text.Append(previousCased ? char.ToLower(c, CultureInfo.InvariantCulture) : char.ToUpper(c, CultureInfo.InvariantCulture));
            previousCased = char.IsLetter(c);
        }

        return text.ToString();
    }

    /// <summary>Python's <c>str.capitalize()</c>: the first character upper-cased, the rest lower-cased.</summary>
    public static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..].ToLowerInvariant();
}
