using System.Globalization;
using System.Text;

namespace MmluSharp.Prompting.Jinja;

/// <summary>The tokens inside a tag: names, string and number literals, operators, up to the tag's end.</summary>
internal static class JinjaExpressionLexer
{
    // Longest first, so "//" is not read as two "/".
    private static readonly string[] Operators =
        ["==", "!=", "<=", ">=", "//", "**", "+", "-", "*", "/", "%", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "="];

    /// <summary>
    /// Reads tokens from <paramref name="at"/> until the tag's end (<c>}}</c> or <c>%}</c>, with an optional <c>-</c> or
    /// <c>+</c> before it) outside brackets; adds them and a <see cref="JinjaTokenKind.TagEnd"/>; returns the index after the end.
    /// </summary>
    public static int ReadTag(string source, int at, char closer, List<JinjaToken> tokens, int line)
    {
        var depth = 0;
        while (true)
        {
            while (at < source.Length && char.IsWhiteSpace(source[at]))
            {
                line += source[at] == '\n' ? 1 : 0;
                at++;
            }

            if (at >= source.Length)
            {
                throw new JinjaException($"a tag is never closed with {closer}}}", line);
            }

            if (depth == 0 && EndsTag(source, at, closer) is int length)
            {
                tokens.Add(new JinjaToken(JinjaTokenKind.TagEnd, string.Empty, line));
                return at + length;
            }

            var c = source[at];
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = at;
                while (at < source.Length && (char.IsAsciiLetterOrDigit(source[at]) || source[at] == '_'))
                {
                    at++;
                }

                tokens.Add(new JinjaToken(JinjaTokenKind.Name, source[start..at], line));
            }
            else if (char.IsAsciiDigit(c))
            {
                at = ReadNumber(source, at, tokens, line);
            }
            else if (c is '\'' or '"')
            {
                at = ReadString(source, at, tokens, ref line);
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(source, at, o, 0, o.Length) == 0)
                    ?? throw new JinjaException($"unexpected character '{c}' in a tag", line);
                depth += op is "(" or "[" or "{" ? 1 : op is ")" or "]" or "}" ? -1 : 0;
                tokens.Add(new JinjaToken(JinjaTokenKind.Operator, op, line));
                at += op.Length;
            }
        }
    }

    /// <summary>The length of the tag end at <paramref name="at"/> (<c>}}</c>, <c>-}}</c>, <c>%}</c>, <c>-%}</c>, <c>+%}</c>), or null.</summary>
    private static int? EndsTag(string source, int at, char closer)
    {
        var skip = source[at] is '-' || (source[at] is '+' && closer == '%') ? 1 : 0;
        return at + skip + 1 < source.Length && source[at + skip] == closer && source[at + skip + 1] == '}' ? skip + 2 : null;
    }

    private static int ReadNumber(string source, int at, List<JinjaToken> tokens, int line)
    {
        var start = at;
        var isFloat = false;
        while (at < source.Length && (char.IsAsciiDigit(source[at]) || source[at] == '_'))
        {
            at++;
        }

        if (at + 1 < source.Length && source[at] == '.' && char.IsAsciiDigit(source[at + 1]))
        {
            isFloat = true;
            at++;
            while (at < source.Length && (char.IsAsciiDigit(source[at]) || source[at] == '_'))
            {
                at++;
            }
        }

        if (at < source.Length && source[at] is 'e' or 'E')
        {
            var exponent = at + 1 < source.Length && source[at + 1] is '+' or '-' ? at + 2 : at + 1;
            if (exponent < source.Length && char.IsAsciiDigit(source[exponent]))
            {
                isFloat = true;
                at = exponent;
                while (at < source.Length && char.IsAsciiDigit(source[at]))
                {
                    at++;
                }
            }
        }

        var text = source[start..at].Replace("_", string.Empty, StringComparison.Ordinal);
        object value = isFloat
            ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer)
                ? (object)integer
                : throw new JinjaException($"the integer {text} is too large", line);
        tokens.Add(new JinjaToken(JinjaTokenKind.Number, text, line, value));
        return at;
    }

    /// <summary>A Python string literal: <c>\n \t \r \\ \' \" \xhh \uhhhh \Uhhhhhhhh</c> decoded, other backslashes kept.</summary>
    private static int ReadString(string source, int at, List<JinjaToken> tokens, ref int line)
    {
        var quote = source[at];
        var startLine = line;
        var text = new StringBuilder();
        for (at++; at < source.Length; at++)
        {
            var c = source[at];
            if (c == quote)
            {
                tokens.Add(new JinjaToken(JinjaTokenKind.String, text.ToString(), startLine));
                return at + 1;
            }

            line += c == '\n' ? 1 : 0;
            if (c != '\\' || at + 1 >= source.Length)
            {
                text.Append(c);
                continue;
            }

            var next = source[++at];
            switch (next)
            {
                case 'n': text.Append('\n'); break;
                case 't': text.Append('\t'); break;
                case 'r': text.Append('\r'); break;
                case '0': text.Append('\0'); break;
                case '\\' or '\'' or '"': text.Append(next); break;
                case '\n': line++; break;
                case 'x' or 'u' or 'U':
                    var digits = next == 'x' ? 2 : next == 'u' ? 4 : 8;
                    if (at + digits >= source.Length
                        || !int.TryParse(source.AsSpan(at + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new JinjaException($"a bad \\{next} escape in a string", line);
                    }

                    text.Append(char.ConvertFromUtf32(code));
                    at += digits;
                    break;
                default: text.Append('\\').Append(next); break;
            }
        }

        throw new JinjaException("a string is never closed", startLine);
    }
}
