using System.Globalization;
using System.Text;

namespace MmluSharp.Benchmarks.MmluRedux;

/// <summary>
/// Parses a Python list of string literals, as <c>ast.literal_eval</c> reads MMLU-Redux's <c>choices</c> column:
/// <c>['True, True', "it's", 'a\'b', 'x\xa0y']</c>. Single- or double-quoted items, adjacent literals concatenated
/// (<c>'a' 'b'</c>), an optional trailing comma, whitespace and line breaks between tokens; the escapes
/// <c>\\ \' \" \n \r \t \a \b \f \v \0</c>–<c>\777</c> (octal), <c>\xhh</c>, <c>\uXXXX</c>, <c>\UXXXXXXXX</c> and
/// backslash-newline. Unknown escapes keep their backslash, as Python does.
/// </summary>
internal static class PythonListLiteral
{
    /// <summary>The list's strings in order.</summary>
    /// <exception cref="FormatException">The text is not a list of string literals; the message says where.</exception>
    public static IReadOnlyList<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var items = new List<string>();
        var pos = SkipSpace(text, 0);
        Expect(text, ref pos, '[');
        pos = SkipSpace(text, pos);
        while (pos < text.Length && text[pos] != ']')
        {
            items.Add(Item(text, ref pos));
            pos = SkipSpace(text, pos);
            if (pos < text.Length && text[pos] == ',')
            {
                pos = SkipSpace(text, pos + 1);
            }
            else if (pos < text.Length && text[pos] != ']')
            {
                throw Error(text, pos, "expected ',' or ']' after a string");
            }
        }

        Expect(text, ref pos, ']');
        if (SkipSpace(text, pos) != text.Length)
        {
            throw Error(text, pos, "text after the closing ']'");
        }

        return items;
    }

    private static string Item(string text, ref int pos)
    {
        var value = new StringBuilder();
        do
        {
            StringLiteral(text, ref pos, value);
            pos = SkipSpace(text, pos);
        }
        while (pos < text.Length && text[pos] is '\'' or '"');
        return value.ToString();
    }

    private static void StringLiteral(string text, ref int pos, StringBuilder value)
    {
        if (pos >= text.Length || text[pos] is not ('\'' or '"'))
        {
            throw Error(text, pos, "expected a quoted string");
        }

        var start = pos;
        var quote = text[pos++];
        while (true)
        {
            if (pos >= text.Length || text[pos] is '\n' or '\r')
            {
                throw Error(text, start, "a string that is not closed on its line");
            }

            var c = text[pos++];
            if (c == quote)
            {
                return;
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (pos >= text.Length)
            {
                throw Error(text, start, "a string that ends in a backslash");
            }

            Escape(text, ref pos, value);
        }
    }

    private static void Escape(string text, ref int pos, StringBuilder value)
    {
        var c = text[pos++];
        switch (c)
        {
            case '\\' or '\'' or '"': value.Append(c); break;
            case 'n': value.Append('\n'); break;
            case 'r': value.Append('\r'); break;
            case 't': value.Append('\t'); break;
            case 'a': value.Append('\a'); break;
            case 'b': value.Append('\b'); break;
            case 'f': value.Append('\f'); break;
            case 'v': value.Append('\v'); break;
            case '\n': break; // backslash-newline continues the line
            case '\r': pos += pos < text.Length && text[pos] == '\n' ? 1 : 0; break;
            case 'x': AppendCodePoint(text, ref pos, 2, value); break;
            case 'u': AppendCodePoint(text, ref pos, 4, value); break;
            case 'U': AppendCodePoint(text, ref pos, 8, value); break;
            case >= '0' and <= '7':
                var code = c - '0';
                for (var n = 1; n < 3 && pos < text.Length && text[pos] is >= '0' and <= '7'; n++)
                {
                    code = (code * 8) + (text[pos++] - '0');
                }

                value.Append((char)code);
                break;
            default: value.Append('\\').Append(c); break;
        }
    }

    private static void AppendCodePoint(string text, ref int pos, int digits, StringBuilder value)
    {
        if (pos + digits > text.Length
            || !int.TryParse(text.AsSpan(pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || !Rune.IsValid(code))
        {
            throw Error(text, pos - 2, $"a \\{text[pos - 1]} escape needs {digits} hex digits of a valid code point");
        }

        value.Append(new Rune(code).ToString());
        pos += digits;
    }

    private static void Expect(string text, ref int pos, char c)
    {
        if (pos >= text.Length || text[pos] != c)
        {
            throw Error(text, pos, $"expected '{c}'");
        }

        pos++;
    }

    private static int SkipSpace(string text, int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t' or '\n' or '\r')
        {
            pos++;
        }

        return pos;
    }

    private static FormatException Error(string text, int pos, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"choices is not a Python list of strings: {problem} at character {pos + 1} of {text.Length}"));
}
