using System.Text;
using MmluSharp.Datasets;
using MmluSharp.Prompting;

namespace MmluSharp.Benchmarks.MmluPro;

/// <summary>How an MMLU-Pro question is written into a prompt.</summary>
/// <param name="Name">The name on the command line.</param>
/// <param name="Version">Bumped whenever the rendered bytes change.</param>
/// <param name="Description">The reference the style reproduces, or that it is our own.</param>
/// <param name="ChainOfThought">Whether examples carry their worked answer (<c>cot</c>) or only the letter.</param>
internal sealed record MmluProStyle(string Name, int Version, string Description, bool ChainOfThought)
{
    /// <summary>TIGER-Lab's <c>cot_prompt_lib/initial_prompt.txt</c>, <c>{$}</c> standing for the category.</summary>
    public const string CotInstruction =
        "You are an expert in {$}. Below is a series of example questions (with answers) about {$} for demonstration. "
        + "You will be given a question at the end, after the examples, for you to answer. "
        + "First give step-by-step reasoning about how to solve the question. Then output the answer.";

    /// <summary>
    /// TIGER-AI-Lab/MMLU-Pro <c>evaluate_from_local.py</c> (<c>generate_cot_prompt</c>, <c>format_cot_example</c>):
    /// the instruction and a newline, then <c>Question:\n{q}\nOptions:\nA. …\n</c> + the worked answer
    /// (<c>A: Let's think</c> → <c>Answer: Let's think</c>) + <c>\n\n</c> per example, and the query ending
    /// <c>Answer: Let's think step by step.</c>. For <c>--scoring generate</c>.
    /// </summary>
    public static MmluProStyle Cot { get; } = new(
        "cot", 1, "TIGER-AI-Lab/MMLU-Pro evaluate_from_local.py: 5-shot chain of thought from validation", true);

    /// <summary>
    /// Our own direct-answer style (not a published reference), shaped like lm-evaluation-harness'
    /// <c>mmlu_pro/default</c> multiple-choice task and MMLU's: <c>The following are multiple choice questions (with
    /// answers) about {category}.\n\n</c>, examples <c>{q.strip()}\nA. …\nAnswer: X\n\n</c>, the query ending
    /// <c>Answer:</c>, scored over <c> A</c>… one letter per option.
    /// </summary>
    public static MmluProStyle Letter { get; } = new(
        "letter", 1, "mmlusharp's own: MMLU-style direct answer 'Answer: X' over up to 10 options (like lm-eval mmlu_pro/default)", false);

    /// <summary>Every style, the default first.</summary>
    public static IReadOnlyList<MmluProStyle> All { get; } = [Cot, Letter];

    /// <summary>The style called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No MMLU-Pro style has that name.</exception>
    public static MmluProStyle Parse(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown MMLU-Pro prompt style '{name}'. Valid styles: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));

    /// <summary>The continuations scored: <c> A</c>, <c> B</c>, … one per option.</summary>
    public static IReadOnlyList<string> Continuations(int optionCount) => [.. Letters.First(optionCount).Select(l => " " + l)];

    /// <summary>The header naming the category as the file writes it.</summary>
    public string Header(string category) => ChainOfThought
        ? CotInstruction.Replace("{$}", category, StringComparison.Ordinal) + "\n"
        : "The following are multiple choice questions (with answers) about " + category + ".\n\n";

    /// <summary>One example with its answer.</summary>
    public string Shot(MmluProRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ChainOfThought
            ? Body(record.Question) + record.CotContent.Replace("A: Let's think step by step.", "Answer: Let's think step by step.", StringComparison.Ordinal) + "\n\n"
            : Query(record.Question) + " " + record.Question.AnswerLetter + "\n\n";
    }

    /// <summary>The question without its answer, ending in the answer cue.</summary>
    public string Query(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (ChainOfThought)
        {
            return Body(question) + "Answer: Let's think step by step.";
        }

        var text = new StringBuilder(PythonText.Strip(question.Text));
        for (var i = 0; i < question.Choices.Count; i++)
        {
            text.Append('\n').Append(Letters.Of(i)).Append(". ").Append(question.Choices[i]);
        }

        return text.Append("\nAnswer:").ToString();
    }

    private static string Body(Question question)
    {
        var text = new StringBuilder("Question:\n").Append(question.Text).Append("\nOptions:\n");
        for (var i = 0; i < question.Choices.Count; i++)
        {
            text.Append(Letters.Of(i)).Append(". ").Append(question.Choices[i]).Append('\n');
        }

        return text.ToString();
    }
}
