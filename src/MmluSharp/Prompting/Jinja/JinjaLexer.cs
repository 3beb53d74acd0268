namespace MmluSharp.Prompting.Jinja;

/// <summary>
/// Splits a template into tokens the way Jinja2 does in the environment Hugging Face renders chat templates in
/// (<c>trim_blocks=True</c>, <c>lstrip_blocks=True</c>, <c>keep_trailing_newline=False</c>): newlines normalised to
/// <c>\n</c> and one final newline dropped; <c>-</c> beside a tag strips the whitespace on that side; a statement or
/// comment tag eats the one newline after it and the spaces before it on its own line (<c>+</c> keeps them);
/// comments vanish; <c>{% raw %}</c> text is kept as written.
/// </summary>
internal static class JinjaLexer
{
    public static List<JinjaToken> Tokenize(string source)
    {
        source = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (source.EndsWith('\n'))
        {
            source = source[..^1];
        }

        var tokens = new List<JinjaToken>();
        var at = 0;
        var lineStarting = true;
        while (true)
        {
            var open = NextTag(source, at);
            var text = source[at..(open < 0 ? source.Length : open)];
            if (open < 0)
            {
                AddText(tokens, text, LineAt(source, at));
                break;
            }

            var kind = source[open + 1];
            var modifier = open + 2 < source.Length ? source[open + 2] : '\0';
            if (modifier == '-')
            {
                text = text.TrimEnd();
            }
            else if (modifier != '+' && kind is '%' or '#')
            {
                var lineStart = text.LastIndexOf('\n') + 1;
                if ((lineStart > 0 || lineStarting) && text.AsSpan(lineStart).IsWhiteSpace())
                {
                    text = text[..lineStart];
                }
            }

            AddText(tokens, text, LineAt(source, at));
            var body = open + 2 + (modifier is '-' or '+' ? 1 : 0);
            var line = LineAt(source, open);
            if (kind == '#')
            {
                var close = source.IndexOf("#}", body, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new JinjaException("a comment is never closed with #}", line);
                }

                at = AfterTag(source, close + 2, source[close - 1], trim: true);
            }
            else
            {
                tokens.Add(new JinjaToken(kind == '{' ? JinjaTokenKind.PrintStart : JinjaTokenKind.StatementStart, string.Empty, line));
                var first = tokens.Count;
                var end = JinjaExpressionLexer.ReadTag(source, body, kind == '{' ? '}' : '%', tokens, line);
                at = AfterTag(source, end, source[end - 3], trim: kind == '%');
                if (kind == '%' && tokens.Count > first && tokens[first].IsName("raw"))
                {
                    tokens.RemoveRange(first - 1, tokens.Count - first + 1);
                    at = Raw(source, at, tokens, line);
                }
            }

            lineStarting = at > 0 && source[at - 1] == '\n';
        }

        tokens.Add(new JinjaToken(JinjaTokenKind.End, string.Empty, LineAt(source, source.Length)));
        return tokens;
    }

    /// <summary>The next <c>{{</c>, <c>{%</c> or <c>{#</c> at or after <paramref name="from"/>, or -1.</summary>
    private static int NextTag(string source, int from)
    {
        for (var i = source.IndexOf('{', from); i >= 0 && i + 1 < source.Length; i = source.IndexOf('{', i + 1))
        {
            if (source[i + 1] is '{' or '%' or '#')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Where the text after a tag ending at <paramref name="end"/> starts: <c>-</c> skips all whitespace, else a statement skips one newline.</summary>
    private static int AfterTag(string source, int end, char modifier, bool trim)
    {
        if (modifier == '-')
        {
            while (end < source.Length && char.IsWhiteSpace(source[end]))
            {
                end++;
            }

            return end;
        }

        return trim && modifier != '+' && end < source.Length && source[end] == '\n' ? end + 1 : end;
    }

    /// <summary>The text of a <c>{% raw %}</c> block up to its <c>{% endraw %}</c>, kept as written.</summary>
    private static int Raw(string source, int from, List<JinjaToken> tokens, int line)
    {
        for (var open = NextTag(source, from); open >= 0; open = NextTag(source, open + 2))
        {
            var i = open + 2;
            var strip = i < source.Length && source[i] == '-';
            i += i < source.Length && source[i] is '-' or '+' ? 1 : 0;
            while (i < source.Length && source[i] == ' ')
            {
                i++;
            }

            if (source[open + 1] != '%' || string.CompareOrdinal(source, i, "endraw", 0, 6) != 0)
            {
                continue;
            }

            var close = source.IndexOf("%}", i, StringComparison.Ordinal);
            var text = source[from..open];
            AddText(tokens, strip ? text.TrimEnd() : text, line);
            return AfterTag(source, close + 2, source[close - 1], trim: true);
        }

        throw new JinjaException("{% raw %} is never closed with {% endraw %}", line);
    }

    private static void AddText(List<JinjaToken> tokens, string text, int line)
    {
        if (text.Length > 0)
        {
            tokens.Add(new JinjaToken(JinjaTokenKind.Text, text, line));
        }
    }

    private static int LineAt(string source, int index) => 1 + source.AsSpan(0, Math.Min(index, source.Length)).Count('\n');
}
