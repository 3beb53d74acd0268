using System.Text.RegularExpressions;

namespace MmluSharp.Scoring;

/// <summary>
/// Finds the chosen letter in a model's free-text answer. The LAST explicit answer statement wins ("Answer: C",
/// "the answer is (B)", "**Answer:** D", "Respuesta: A", "答案：B"), because models restate and correct
/// themselves (simple-evals takes the first match and lm-eval-harness needs the whole line to match; both score
/// right answers as wrong). Then fallbacks: the reply is only a letter ("B", "(B)", "**b.**"); "option B";
/// a reply starting with "C. 12"; a lone "(B)". Lower-case letters count only where the article "a" cannot be
/// meant: after an answer cue and not followed by a word, or as the whole reply.
/// </summary>
internal static partial class AnswerExtractor
{
    /// <summary>Extracts the answer among <paramref name="optionCount"/> options (A, B, … ).</summary>
    public static AnswerExtraction Extract(string? text, int optionCount = 4)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new AnswerExtraction(null, "none");
        }

        var clean = Markdown().Replace(text, string.Empty);
        var last = (int?)null;
        foreach (Match match in AnswerCue().Matches(clean))
        {
            last = IndexOf(match.Groups["letter"].Value, optionCount) ?? last;
        }

        if (last is not null)
        {
            return new AnswerExtraction(last, "answer-cue");
        }

        var rules = new (Regex Pattern, string Rule)[]
        {
            (BareLetter(), "bare-letter"),
            (OptionWord(), "option-word"),
            (LeadingLetter(), "leading-letter"),
            (Parenthesised(), "parenthesised"),
        };
        foreach (var (pattern, rule) in rules)
        {
            var matches = pattern.Matches(clean);
            for (var i = matches.Count - 1; i >= 0; i--)
            {
                if (IndexOf(matches[i].Groups["letter"].Value, optionCount) is int index)
                {
                    return new AnswerExtraction(index, rule);
                }
            }
        }

        return new AnswerExtraction(null, "none");
    }

    private static int? IndexOf(string letter, int optionCount)
    {
        if (letter.Length != 1)
        {
            return null;
        }

        var index = char.ToUpperInvariant(letter[0]) - 'A';
        return index >= 0 && index < optionCount ? index : null;
    }

    /// <summary>Markdown emphasis and code marks, which models wrap around answers.</summary>
    [GeneratedRegex(@"[*_`]+")]
    private static partial Regex Markdown();

    /// <summary>
    /// An answer statement in several languages, then optional "is/es/est/ist/是", a colon, brackets, and the
    /// letter. A lower-case letter must not begin a word ("answer is a prime" is prose).
    /// </summary>
    [GeneratedRegex(
        @"(?:answers?|respuesta|réponse|reponse|antwort|risposta|resposta|antwoord|odpowiedź|cevap|jawaban|ответ|答案|回答|正解|정답|उत्तर)\s*(?:is|would be|should be|es|est|ist|è|é|是|为|為|:|：|-|=|\s)*\s*(?:option|choice|letter)?\s*[\(\[\{「]?\s*(?<letter>(?-i:[A-Z](?![A-Za-z])|[a-z](?=[\.\)\]\}:,;!」]|\s*(?:\n|$))))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerCue();

    /// <summary>The whole reply is one letter, perhaps bracketed or followed by a dot.</summary>
    [GeneratedRegex(@"^\s*[\(\[]?(?<letter>[A-Za-z])[\)\]]?[.:]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareLetter();

    /// <summary>"option B", "choice (C)": capital letters only.</summary>
    [GeneratedRegex(@"\b(?:[Oo]ption|[Cc]hoice)\s*[\(\[]?(?<letter>[A-Z])\b", RegexOptions.CultureInvariant)]
    private static partial Regex OptionWord();

    /// <summary>A reply that opens with the option as it was printed: "C. 12", "B) Paris".</summary>
    [GeneratedRegex(@"\A\s*[\(\[]?(?<letter>[A-Z])[\.\)\]:]", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingLetter();

    /// <summary>A lone capital letter in brackets anywhere: "(B)".</summary>
    [GeneratedRegex(@"\((?<letter>[A-Z])\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();
}
