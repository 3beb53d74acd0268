namespace MmluSharp.Prompting;

/// <summary>Python's string whitespace, which is not .NET's (U+001C–U+001F count in Python, not in .NET).</summary>
internal static class PythonText
{
    /// <summary>Whether Python's <c>str.isspace()</c> holds for <paramref name="c"/> (all such characters are in the BMP).</summary>
    public static bool IsSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\u001C' and <= ' ' => true,
        '\u0085' or '\u00A0' or '\u1680' => true,
        >= '\u2000' and <= '\u200A' => true,
        '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => false,
    };

    /// <summary>Python's <c>s.strip()</c> with no argument.</summary>
    public static string Strip(string text)
    {
        var (start, length) = StripRange(text);
        return length == text.Length ? text : text.Substring(start, length);
    }

    /// <summary>Where <see cref="Strip"/>'s result lies in <paramref name="text"/>.</summary>
    public static (int Start, int Length) StripRange(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }
}
