using System.Text;

namespace MmluSharp.LlamaCpp.Generation;

/// <summary>
/// A reply's text as its tokens arrive: the tokens' bytes are decoded as UTF-8 (a character split across tokens waits
/// for its last byte; bytes left over at the end become U+FFFD, as a tokenizer's decode does), and after each token the
/// new text is searched for the stop strings, including a stop string that spans several tokens. The reply is the text
/// before the first stop string, as lm-evaluation-harness cuts it (<c>s.split(term)[0]</c> for every term).
/// </summary>
internal sealed class ReplyText(IReadOnlyList<string> stops)
{
    private readonly string[] stops = [.. stops.Where(s => s.Length > 0)];
    private readonly Decoder decoder = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder text = new();
    private char[] chars = new char[64];
    private int searched;

    /// <summary>Where the first stop string starts, once one has appeared; the reply ends there.</summary>
    public int? StopAt { get; private set; }

    /// <summary>Adds a token's bytes; returns true when a stop string is now complete.</summary>
    public bool Add(ReadOnlySpan<byte> bytes)
    {
        var count = decoder.GetCharCount(bytes, flush: false);
        if (chars.Length < count)
        {
            chars = new char[Math.Max(count, chars.Length * 2)];
        }

        text.Append(chars, 0, decoder.GetChars(bytes, chars, flush: false));
        return Search();
    }

    /// <summary>The reply: the text before the stop string, or all of it with any unfinished character replaced.</summary>
    public string Finish()
    {
        if (StopAt is int at)
        {
            return text.ToString(0, at);
        }

        var tail = decoder.GetChars([], chars, flush: true);
        text.Append(chars, 0, tail);
        Search();
        return text.ToString(0, StopAt ?? text.Length);
    }

    private bool Search()
    {
        if (stops.Length == 0 || StopAt is not null || text.Length == searched)
        {
            return StopAt is not null;
        }

        // A stop string completed by the new characters starts at most (its length - 1) characters before them.
        var longest = stops.Max(s => s.Length);
        var from = Math.Max(0, searched - (longest - 1));
        var window = text.ToString(from, text.Length - from);
        foreach (var stop in stops)
        {
            var at = window.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (StopAt is null || from + at < StopAt))
            {
                StopAt = from + at;
            }
        }

        searched = text.Length;
        return StopAt is not null;
    }
}
