using System.Collections;
using System.Globalization;
using System.Text;

namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// Python's semantics for the values a template sees: <c>None</c> (null), bool, int (long), float (double), str,
/// list (<see cref="List{T}"/>), dict (<see cref="Dictionary{TKey,TValue}"/> with string keys), and Jinja's
/// <see cref="JinjaUndefined"/>, <see cref="JinjaNamespace"/> and <see cref="JinjaCallable"/>. Strings are indexed,
/// sliced and counted by code point, as Python does.
/// </summary>
internal static class JinjaValues
{
    public static bool Truthy(object? value) => value switch
    {
        null or JinjaUndefined => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        ICollection c => c.Count > 0,
        _ => true,
    };

    /// <summary>Python's <c>str()</c>, as <c>{{ value }}</c> prints it (an undefined value prints nothing).</summary>
    public static string Str(object? value) => value switch
    {
        null => "None",
        JinjaUndefined => string.Empty,
        string s => s,
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        JinjaTuple tuple => "(" + string.Join(", ", tuple.Select(Repr)) + (tuple.Count == 1 ? ",)" : ")"),
        List<object?> list => "[" + string.Join(", ", list.Select(Repr)) + "]",
        Dictionary<string, object?> dict => "{" + string.Join(", ", dict.Select(p => Repr(p.Key) + ": " + Repr(p.Value))) + "}",
        JinjaNamespace ns => "<Namespace " + Str(ns.Attributes) + ">",
        JinjaCallable f => $"<function {f.Name}>",
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Python's <c>repr()</c>: strings quoted as Python quotes them.</summary>
    public static string Repr(object? value)
    {
        if (value is not string s)
        {
            return Str(value);
        }

        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var text = new StringBuilder().Append(quote);
        foreach (var rune in s.EnumerateRunes())
        {
            _ = rune.Value switch
            {
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                var c when c == quote => text.Append('\\').Append(quote),
                < 0x20 or 0x7f => text.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"),
                _ => text.Append(rune.ToString()),
            };
        }

        return text.Append(quote).ToString();
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest round-trip digits, fixed from 1e-4 up to 1e16, else <c>1e+16</c>.</summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";
        }

        var sign = d < 0 || (d == 0 && double.IsNegative(d)) ? "-" : string.Empty;
        if (d == 0)
        {
            return sign + "0.0";
        }

        var r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        var mantissa = e < 0 ? r : r[..e];
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        (digits, point) = (digits.TrimStart('0').TrimEnd('0'), point - leading);
        digits = digits.Length == 0 ? "0" : digits;
        var scientific = point - 1;
        if (scientific is >= -4 and < 16)
        {
            return sign + (point <= 0
                ? "0." + new string('0', -point) + digits
                : point >= digits.Length
                    ? digits + new string('0', point - digits.Length) + ".0"
                    : digits[..point] + "." + digits[point..]);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{sign}{digits[0]}{(digits.Length > 1 ? "." + digits[1..] : string.Empty)}e{(scientific < 0 ? '-' : '+')}{Math.Abs(scientific):00}");
    }

    public static new bool Equals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (JinjaUndefined, JinjaUndefined) => true,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (List<object?> x, List<object?> y) => x is JinjaTuple == y is JinjaTuple && x.Count == y.Count && x.Zip(y).All(p => Equals(p.First, p.Second)),
        (Dictionary<string, object?> x, Dictionary<string, object?> y) =>
            x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var v) && Equals(p.Value, v)),
        _ when IsNumber(a) && IsNumber(b) => ToDouble(a) == ToDouble(b) && (a is double || b is double || ToLong(a) == ToLong(b)),
        _ => ReferenceEquals(a, b),
    };

    /// <summary>Python's ordering of two numbers, two strings (by code point) or two lists.</summary>
    public static int Compare(object? a, object? b, int line)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            return a is long x && b is long y ? x.CompareTo(y) : ToDouble(a).CompareTo(ToDouble(b));
        }

        if (a is string s && b is string t)
        {
            return CompareCodePoints(s, t);
        }

        if (a is List<object?> l && b is List<object?> m)
        {
            for (var i = 0; i < Math.Min(l.Count, m.Count); i++)
            {
                if (!Equals(l[i], m[i]))
                {
                    return Compare(l[i], m[i], line);
                }
            }

            return l.Count.CompareTo(m.Count);
        }

        throw new JinjaException($"cannot compare {TypeName(a)} with {TypeName(b)}", line);
    }

    public static bool Contains(object? container, object? item, int line) => container switch
    {
        string s when item is string t => s.Contains(t, StringComparison.Ordinal),
        string => throw new JinjaException($"'in <string>' requires a string, not {TypeName(item)}", line),
        List<object?> list => list.Any(x => Equals(x, item)),
        Dictionary<string, object?> dict => item is string key && dict.ContainsKey(key),
        JinjaUndefined => false,
        _ => throw new JinjaException($"{TypeName(container)} is not a container", line),
    };

    /// <summary>What <c>for</c> goes through: a list's items, a dict's keys, a string's characters; nothing for undefined.</summary>
    public static IReadOnlyList<object?> Iterate(object? value, int line) => value switch
    {
        List<object?> list => list,
        Dictionary<string, object?> dict => [.. dict.Keys],
        string s => [.. s.EnumerateRunes().Select(r => (object?)r.ToString())],
        JinjaUndefined => [],
        _ => throw new JinjaException($"{TypeName(value)} is not iterable", line),
    };

    public static long Length(object? value, int line) => value switch
    {
        string s => s.EnumerateRunes().Count(),
        ICollection c => c.Count,
        JinjaUndefined => 0,
        _ => throw new JinjaException($"{TypeName(value)} has no length", line),
    };

    public static bool IsNumber(object? value) => value is long or double or bool;

    public static double ToDouble(object? value) => value switch
    {
        long l => l,
        double d => d,
        bool b => b ? 1 : 0,
        _ => double.NaN,
    };

    public static long ToLong(object? value) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        double d => (long)d,
        _ => 0,
    };

    /// <summary>The Python type name, for messages.</summary>
    public static string TypeName(object? value) => value switch
    {
        null => "None",
        JinjaUndefined u => "undefined " + u.Name,
        bool => "bool",
        long => "int",
        double => "float",
        string => "str",
        JinjaTuple => "tuple",
        List<object?> => "list",
        Dictionary<string, object?> => "dict",
        JinjaNamespace => "namespace",
        JinjaCallable => "function",
        _ => value.GetType().Name,
    };

    /// <summary>A string's code points, as Python indexes a str.</summary>
    public static string[] CodePoints(string s) => [.. s.EnumerateRunes().Select(r => r.ToString())];

    private static int CompareCodePoints(string s, string t)
    {
        using var a = s.EnumerateRunes().GetEnumerator();
        using var b = t.EnumerateRunes().GetEnumerator();
        while (true)
        {
            var (more, other) = (a.MoveNext(), b.MoveNext());
            if (!more || !other)
            {
                return more == other ? 0 : more ? 1 : -1;
            }

            if (a.Current.Value != b.Current.Value)
            {
                return a.Current.Value.CompareTo(b.Current.Value);
            }
        }
    }
}
