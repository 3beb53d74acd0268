namespace MmluSharp.Benchmarks.MmluRedux;

/// <summary>
/// Reads the annotator's free-text <c>correct_answer</c> as an option when it names exactly one: a 0-based index
/// <c>0</c>–<c>3</c> or a letter <c>A</c>–<c>D</c> (surrounding whitespace ignored). Anything else
/// (<c>2 and 3</c>, <c>A,C</c>, <c>depends on interpretation</c>, <c>$373</c>) names no single option.
/// </summary>
internal static class ReduxCorrectAnswer
{
    /// <summary>The 0-based option index <paramref name="text"/> names, or null when it names none unambiguously.</summary>
    /// <param name="text">The raw <c>correct_answer</c> field.</param>
    /// <param name="optionCount">How many options the question has.</param>
    public static int? Parse(string text, int optionCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length != 1)
        {
            return null;
        }

        int index = t[0] switch
        {
            >= '0' and <= '9' => t[0] - '0',
            >= 'A' and <= 'Z' => t[0] - 'A',
            _ => -1,
        };
        return index >= 0 && index < optionCount ? index : null;
    }
}
