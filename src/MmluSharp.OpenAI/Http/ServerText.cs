using System.Globalization;
using System.Text;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Server text quoted in a one-line message: the start of a body, on one line, with control characters (line breaks,
/// terminal escape sequences) written as <c>\uXXXX</c> so they cannot act on the terminal. Bodies arrive redacted.
/// </summary>
internal static class ServerText
{
    public const int Length = 200;

    /// <summary>The first <see cref="Length"/> characters of <paramref name="body"/> (UTF-8), whitespace runs as one space, "…" when cut.</summary>
    public static string Snippet(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, Length * 4)]);
        var builder = new StringBuilder(Length + 1);
        var space = false;
        foreach (var ch in text.Trim())
        {
            if (builder.Length >= Length)
            {
                builder.Append('…');
                break;
            }

            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            Append(builder, ch);
        }

        return builder.ToString();
    }

    /// <summary><paramref name="text"/> in double quotes, control characters escaped, cut after <paramref name="max"/> characters.</summary>
    public static string Quote(string text, int max = 16)
    {
        var builder = new StringBuilder("\"");
        foreach (var ch in text.Length > max ? text[..max] : text)
        {
            Append(builder, ch);
        }

        return builder.Append(text.Length > max ? "…\"" : "\"").ToString();
    }

    private static void Append(StringBuilder builder, char ch)
    {
        if (char.IsControl(ch) || ch is '\u2028' or '\u2029')
        {
            builder.Append(ch switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)ch:x4}"),
            });
        }
        else
        {
            builder.Append(ch);
        }
    }
}
