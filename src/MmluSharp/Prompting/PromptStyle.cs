using System.Globalization;
using MmluSharp.Datasets;

namespace MmluSharp.Prompting;

/// <summary>
/// How a question is written into a prompt: the header naming the subject, each example
/// (<c>question\nA. a\nB. b\n…\nAnswer:</c>) and the few-shot answers (<c> L\n\n</c>). The styles differ only
/// where their reference implementations differ; <see cref="Version"/> changes whenever the rendered bytes do.
/// </summary>
/// <param name="Name">The short name used on the command line and in result files, e.g. <c>original</c>.</param>
/// <param name="Version">Bumped whenever this style renders different bytes.</param>
/// <param name="Description">One line naming the reference implementation the style reproduces.</param>
/// <param name="SubjectSeparator">What follows "…(with answers) about" before the subject words.</param>
/// <param name="StripQuestion">Whether the question text is trimmed as Python's <c>str.strip()</c> trims it.</param>
public sealed record PromptStyle(
    string Name,
    int Version,
    string Description,
    string SubjectSeparator,
    bool StripQuestion)
{
    /// <summary>Between <c>Answer:</c> and the answer letter, in shots and in the scored continuations.</summary>
    public const string TargetDelimiter = " ";

    /// <summary>After each few-shot example's answer letter.</summary>
    public const string FewShotDelimiter = "\n\n";

    internal const string HeaderLead = "The following are multiple choice questions (with answers) about";

    private const string AnswerCue = "\nAnswer:";

    private static readonly string[][] ContinuationsByCount =
        [.. Enumerable.Range(0, 27).Select(n => Letters.First(n).Select(l => TargetDelimiter + l).ToArray())];

    /// <summary>
    /// hendrycks/test <c>evaluate.py</c> (and QLoRA's pre-rendered JSON): <c>"about {}.".format(" abstract algebra")</c>
    /// gives two spaces after "about"; the question text is used as the file wrote it.
    /// </summary>
    public static PromptStyle Original { get; } = new(
        "original", 1, "hendrycks/test evaluate.py: two spaces after \"about\", question text raw", "  ", false);

    /// <summary>
    /// lm-evaluation-harness' default <c>mmlu</c> task: one space after "about", <c>question.strip()</c>,
    /// choices as they are.
    /// </summary>
    public static PromptStyle Harness { get; } = new(
        "harness", 1, "lm-evaluation-harness mmlu: one space after \"about\", question.strip()", " ", true);

    /// <summary>
    /// The header with <c>{subject}</c> for the subject's words (e.g. <c>Questions about {subject}:\n\n</c>), written
    /// instead of MMLU's; null: MMLU's.
    /// </summary>
    public string? HeaderTemplate { get; init; }

    /// <summary>Every style, <see cref="Original"/> first.</summary>
    public static IReadOnlyList<PromptStyle> All { get; } = [Original, Harness];

    /// <summary>The name and version, e.g. <c>original/v1</c>.</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Name}/v{Version}");

    /// <summary>The continuations scored after <c>Answer:</c>: <c>" A"</c>, <c>" B"</c>, … one per option.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="optionCount"/> is not between 1 and 26.</exception>
    public IReadOnlyList<string> Continuations(int optionCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(optionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(optionCount, 26);
        return ContinuationsByCount[optionCount];
    }

    /// <summary>The style called <paramref name="name"/> (any case), or with that <see cref="Id"/>.</summary>
    /// <exception cref="ArgumentException">No style has that name; the message lists the valid ones.</exception>
    public static PromptStyle Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var style in All)
        {
            if (string.Equals(name, style.Name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, style.Id, StringComparison.OrdinalIgnoreCase))
            {
                return style;
            }
        }

        var valid = string.Join(", ", All.Select(s => s.Name));
        throw new ArgumentException($"Unknown prompt style '{name}'. Valid styles: {valid}.", nameof(name));
    }

    /// <summary>The header: <c>The following are … about{separator}{subject words}.\n\n</c>.</summary>
    internal string Header(string subject) =>
        HeaderTemplate?.Replace("{subject}", subject.Replace('_', ' '), StringComparison.Ordinal)
        ?? HeaderLead + SubjectSeparator + subject.Replace('_', ' ') + ".\n\n";

    /// <summary>One example without its answer, ending in <c>Answer:</c>.</summary>
    internal string Query(Question question) => Render(question, withAnswer: false);

    /// <summary>One example with its answer and the few-shot delimiter.</summary>
    internal string Shot(Question question) => Render(question, withAnswer: true);

    private string Render(Question question, bool withAnswer)
    {
        var (start, length) = StripQuestion ? PythonText.StripRange(question.Text) : (0, question.Text.Length);
        var total = length + AnswerCue.Length
            + (withAnswer ? TargetDelimiter.Length + 1 + FewShotDelimiter.Length : 0);
        foreach (var choice in question.Choices)
        {
            total += 4 + choice.Length;
        }

        return string.Create(total, (question, start, length, withAnswer), static (span, state) =>
        {
            var (question, start, length, withAnswer) = state;
            var at = Put(span, 0, question.Text.AsSpan(start, length));
            for (var i = 0; i < question.Choices.Count; i++)
            {
                span[at] = '\n';
                span[at + 1] = (char)('A' + i);
                span[at + 2] = '.';
                span[at + 3] = ' ';
                at = Put(span, at + 4, question.Choices[i]);
            }

            at = Put(span, at, AnswerCue);
            if (withAnswer)
            {
                at = Put(span, at, TargetDelimiter);
                span[at] = (char)('A' + question.AnswerIndex);
                Put(span, at + 1, FewShotDelimiter);
            }
        });
    }

    private static int Put(Span<char> span, int at, ReadOnlySpan<char> text)
    {
        text.CopyTo(span[at..]);
        return at + text.Length;
    }
}
