using System.Globalization;
using System.Text;

namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// The <c>tojson</c> filter of Hugging Face's chat template environment: Python's
/// <c>json.dumps(value, ensure_ascii=False, indent=indent, separators=separators, sort_keys=sort_keys)</c>.
/// </summary>
internal static class JinjaJson
{
    public static string Dumps(object? value, int? indent, (string Item, string Key)? separators, bool sortKeys, int line)
    {
        var text = new StringBuilder();
        var (item, key) = separators ?? (indent is null ? (", ", ": ") : (",", ": "));
        Write(text, value, indent, item, key, sortKeys, 0, line);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int? indent, string item, string key, bool sortKeys, int depth, int line)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case long l:
                text.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(double.IsNaN(d) ? "NaN" : double.IsInfinity(d) ? (d > 0 ? "Infinity" : "-Infinity") : JinjaValues.Float(d));
                break;
            case string s:
                PythonJson.AppendString(text, s, ensureAscii: false);
                break;
            case List<object?> list:
                Container(text, '[', ']', list.Count, indent, item, depth, i => Write(text, list[i], indent, item, key, sortKeys, depth + 1, line));
                break;
            case Dictionary<string, object?> dict:
                var pairs = sortKeys ? [.. dict.OrderBy(p => p.Key, StringComparer.Ordinal)] : dict.ToList();
                Container(text, '{', '}', pairs.Count, indent, item, depth, i =>
                {
                    PythonJson.AppendString(text, pairs[i].Key, ensureAscii: false).Append(key);
                    Write(text, pairs[i].Value, indent, item, key, sortKeys, depth + 1, line);
                });
                break;
            case JinjaNamespace ns:
                Write(text, ns.Attributes, indent, item, key, sortKeys, depth, line);
                break;
            default:
                throw new JinjaException($"{JinjaValues.TypeName(value)} is not JSON serializable", line);
        }
    }

    private static void Container(StringBuilder text, char open, char close, int count, int? indent, string item, int depth, Action<int> writeItem)
    {
        text.Append(open);
        if (count == 0)
        {
            text.Append(close);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(item);
            }

            if (indent is int n)
            {
                text.Append('\n').Append(' ', n * (depth + 1));
            }

            writeItem(i);
        }

        if (indent is int m)
        {
            text.Append('\n').Append(' ', m * depth);
        }

        text.Append(close);
    }
}
