using System.Text;

namespace MmluSharp.Prompting;

/// <summary>JSON strings exactly as Python's <c>json.dumps</c> writes them (by default with <c>ensure_ascii=True</c>).</summary>
internal static class PythonJson
{
    private const string Hex = "0123456789abcdef";

    /// <summary>
    /// Appends <paramref name="value"/> quoted: <c>\" \\ \n \r \t \b \f</c> escaped by name, every other character
    /// outside space…tilde as <c>\uxxxx</c> (lower-case hex; astral characters as their UTF-16 surrogate pair). With
    /// <paramref name="ensureAscii"/> false only control characters (below space) are escaped that way.
    /// </summary>
    public static StringBuilder AppendString(StringBuilder builder, string value, bool ensureAscii = true)
    {
        builder.Append('"');
        var run = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((c is >= ' ' and <= '~' || (!ensureAscii && c > '~')) && c is not '"' and not '\\')
            {
                continue;
            }

            builder.Append(value, run, i - run);
            run = i + 1;
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\b' => builder.Append("\\b"),
                '\f' => builder.Append("\\f"),
                _ => builder.Append("\\u").Append(Hex[c >> 12]).Append(Hex[(c >> 8) & 0xF])
                    .Append(Hex[(c >> 4) & 0xF]).Append(Hex[c & 0xF]),
            };
        }

        return builder.Append(value, run, value.Length - run).Append('"');
    }
}
