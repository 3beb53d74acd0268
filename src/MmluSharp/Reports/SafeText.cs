using System.Buffers;
using System.Text;

namespace MmluSharp.Reports;

/// <summary>
/// The one step that makes text from outside (subject and model names, dataset text, server text, file names)
/// harmless on a terminal: no character of it can start an escape sequence, ring the bell, move the cursor or
/// reorder the line. The Markdown and HTML writers and the <c>mmlu</c> console pass all their text through
/// <see cref="Neutralize"/>.
/// </summary>
public static class SafeText
{
    /// <summary>The Unicode Control Pictures block shows C0 control <c>c</c> as <c>U+2400 + c</c> (␛ for ESC).</summary>
    private const char ControlPictures = '\u2400';

    /// <summary>Every character <see cref="Neutralize"/> replaces (and CR, which it keeps only before LF).</summary>
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
    [
        .. Enumerable.Range(0, 0x20).Where(c => c is not ('\n' or '\t')).Select(c => (char)c),
        .. Enumerable.Range(0x7f, 0x21).Select(c => (char)c),
        '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
    ]);

    /// <summary>
    /// <paramref name="text"/> with every control character made visible and inert: C0 controls (ESC, BEL, a lone
    /// CR, backspace, …) and DEL become their Control Pictures (␛, ␇, ␍, ␈, ␡); C1 controls (the 8-bit CSI, OSC, …)
    /// and the bidirectional embeddings, overrides and isolates (which reorder what a line shows) become U+FFFD.
    /// Line feeds and tabs stay, and CR LF becomes LF. Text without such characters comes back as it is, and the
    /// result is unchanged by a second pass.
    /// </summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            sb.Append(ch switch
            {
                '\n' or '\t' => ch,
                < ' ' => (char)(ControlPictures + ch),
                '\u007f' => '\u2421',
                >= '\u0080' and <= '\u009f' => '\uFFFD',
                >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' => '\uFFFD',
                _ => ch,
            });
        }

        return sb.ToString();
    }
}
