using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MmluSharp.Results;

namespace MmluSharp.Scoring;

/// <summary>
/// TIGER-AI-Lab/MMLU-Pro <c>evaluate_from_local.py</c> (commit 7478e26): <c>extract_answer</c>, which tries in
/// turn, with Python <c>re.search</c>,
/// <list type="number">
/// <item><c>answer is \(?([A-J])\)?</c> (<c>answer-is</c>: the first such statement);</item>
/// <item><c>.*[aA]nswer:\s*([A-J])</c> (<c>answer-colon</c>: the last <c>Answer:</c> on the first line that has one);</item>
/// <item><c>\b[A-J]\b(?!.*\b[A-J]\b)</c> with DOTALL (<c>last-letter</c>: the last standalone capital A–J);</item>
/// </list>
/// and <c>save_res</c>, which scores a reply with none of these by <c>random.seed(12345)</c> then
/// <c>random.randint(0, len(options) - 1)</c> (<c>guess</c>: the same for every question with as many options,
/// whatever the order questions are asked in, counted as unparsed). A letter past the last option is kept, as TIGER
/// keeps it, and scores wrong. Python's meaning is kept where .NET's differs: <c>.</c> stops only at <c>\n</c>, <c>\s</c>
/// is <c>str.isspace</c> (U+001C–U+001F included), and a word character for <c>\b</c> is a letter, a number or
/// <c>_</c> in whole code points (no combining marks, no ZWJ/ZWNJ, astral letters included).
/// </summary>
internal sealed partial class TigerAnswerExtractor : IAnswerExtractor
{
    /// <summary>TIGER-Lab's seed before every guess.</summary>
    public const uint GuessSeed = 12345;

    public string Name => "tiger";

    public AnswerExtraction Extract(string? text, int optionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(optionCount, 1);
        text ??= string.Empty;
        if (AnswerIs().Match(text) is { Success: true } first)
        {
            return Found(first.Groups[1].Value, "answer-is");
        }

        if (AnswerColon().Match(text) is { Success: true } again)
        {
            return Found(again.Groups[1].Value, "answer-colon");
        }

        return LastStandaloneLetter(text) is int last
            ? new AnswerExtraction(last, "last-letter")
            : new AnswerExtraction(new PythonRandom(GuessSeed).RandInt(0, optionCount - 1), Sample.GuessRule);
    }

    private static AnswerExtraction Found(string letter, string rule) => new(letter[0] - 'A', rule);

    /// <summary>
    /// <c>re.search(r"\b[A-J]\b(?!.*\b[A-J]\b)", text, re.DOTALL)</c>: the lookahead fails for every standalone
    /// letter but the last, so the match is the last A–J with no word character on either side.
    /// </summary>
    private static int? LastStandaloneLetter(string text)
    {
        var runes = text.EnumerateRunes().ToArray();
        for (var i = runes.Length - 1; i >= 0; i--)
        {
            if (runes[i].Value is >= 'A' and <= 'J'
                && (i == 0 || !IsWord(runes[i - 1]))
                && (i == runes.Length - 1 || !IsWord(runes[i + 1])))
            {
                return runes[i].Value - 'A';
            }
        }

        return null;
    }

    /// <summary>Python's <c>\w</c> on a <c>str</c>: <c>isalnum()</c> or <c>_</c>, i.e. a letter or number of any kind.</summary>
    private static bool IsWord(Rune rune) => rune.Value == '_' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    [GeneratedRegex(@"answer is \(?([A-J])\)?", RegexOptions.CultureInvariant)]
    private static partial Regex AnswerIs();

    /// <summary><c>.*[aA]nswer:\s*([A-J])</c> with Python's <c>\s</c> spelled out (<see cref="Prompting.PythonText.IsSpace"/>).</summary>
    [GeneratedRegex(@".*[aA]nswer:[\t-\r\x1C- \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*([A-J])", RegexOptions.CultureInvariant)]
    private static partial Regex AnswerColon();
}
