using System.Text;
using MmluSharp.Datasets;
using MmluSharp.Prompting;

namespace MmluSharp.Benchmarks.MmluPro;

/// <summary>How an MMLU-Pro question is written into a prompt.</summary>
/// <param name="Name">The name on the command line.</param>
/// <param name="Version">Bumped whenever the rendered bytes change.</param>
/// <param name="Description">The reference the style reproduces (project and version), or that it is our own.</param>
/// <param name="ChainOfThought">Whether examples carry their worked answer (<c>cot</c>, <c>harness</c>) or only the letter.</param>
/// <param name="HeaderEnd">What follows the instruction, before the first <c>Question:</c>.</param>
/// <param name="StripOptions">Whether every option is trimmed as Python's <c>str.strip()</c> trims it.</param>
/// <param name="KeepsPadding">Whether the <c>N/A</c> options validation pads with are shown rather than dropped.</param>
/// <param name="LeavesQuestionOutOfShots">
/// Whether, when the questions come from the few-shot split itself, a question is left out of its own examples
/// (lm-evaluation-harness' <c>first_n</c> sampler) rather than shown with its answer (TIGER-Lab's code).
/// </param>
/// <param name="StopSequences">Where the reference stops generating.</param>
internal sealed record MmluProStyle(
    string Name,
    int Version,
    string Description,
    bool ChainOfThought,
    string HeaderEnd,
    bool StripOptions,
    bool KeepsPadding,
    bool LeavesQuestionOutOfShots,
    IReadOnlyList<string> StopSequences)
{
    /// <summary>
    /// The instruction of TIGER-AI-Lab/MMLU-Pro's current <c>cot_prompt_lib/initial_prompt.txt</c> and of every
    /// lm-evaluation-harness <c>mmlu_pro_*</c> task description, <c>{$}</c> standing for the category.
    /// </summary>
    public const string Instruction =
        "The following are multiple choice questions (with answers) about {$}. Think step by step and then finish your answer with "
        + "\"the answer is (X)\" where X is the correct letter choice.";

    private const string Think = "Answer: Let's think step by step.";

    /// <summary>
    /// TIGER-AI-Lab/MMLU-Pro <c>evaluate_from_local.py</c> (commit 7478e26; <c>generate_cot_prompt</c>,
    /// <c>format_cot_example</c>): the lines of <c>initial_prompt.txt</c> (the instruction and two empty lines) with
    /// <c>{$}</c> replaced, plus <c>\n</c>; then <c>Question:\n{q}\nOptions:\nA. …\n</c> + the worked answer
    /// (<c>A: Let's think</c> → <c>Answer: Let's think</c>) + <c>\n\n</c> per example, and the query ending
    /// <c>Answer: Let's think step by step.</c>; <c>N/A</c> options dropped (<c>preprocess</c>). Version 1 rendered
    /// the file's earlier text (<c>You are an expert in {$}. …</c>).
    /// </summary>
    public static MmluProStyle Cot { get; } = new(
        "cot",
        2,
        "TIGER-AI-Lab/MMLU-Pro evaluate_from_local.py (commit 7478e26, current initial_prompt.txt): 5-shot chain of thought from validation",
        ChainOfThought: true,
        HeaderEnd: "\n\n\n\n",
        StripOptions: false,
        KeepsPadding: false,
        LeavesQuestionOutOfShots: false,
        StopSequences: ["Question:"]);

    /// <summary>
    /// lm-evaluation-harness <c>mmlu_pro</c>, task version 3.1 (<c>_default_template_yaml</c>, <c>utils.py</c>, the
    /// per-category yamls): the description (the instruction and <c>\n</c>), then the first 5 validation rows of the
    /// category (<c>first_n</c>, few-shot <c>doc_to_target: ""</c>, so no delimiters are added) as
    /// <c>format_cot_example</c> renders them with every option stripped and validation's <c>N/A</c> options kept,
    /// then the question; generation stops at <c>Question:</c>.
    /// </summary>
    public static MmluProStyle Harness { get; } = new(
        "harness",
        1,
        "lm-evaluation-harness mmlu_pro (task version 3.1): description + \\n, options stripped, N/A padding kept, first_n shots from validation",
        ChainOfThought: true,
        HeaderEnd: "\n",
        StripOptions: true,
        KeepsPadding: true,
        LeavesQuestionOutOfShots: true,
        StopSequences: ["Question:"]);

    /// <summary>
    /// Our own direct-answer style (not a published reference), shaped like MMLU's: <c>The following are multiple
    /// choice questions (with answers) about {category}.\n\n</c>, examples <c>{q.strip()}\nA. …\nAnswer: X\n\n</c>, the
    /// query ending <c>Answer:</c>, scored over <c> A</c>… one letter per option.
    /// </summary>
    public static MmluProStyle Letter { get; } = new(
        "letter",
        1,
        "mmlusharp's own: MMLU-style direct answer 'Answer: X' over up to 10 options, for letter scoring",
        ChainOfThought: false,
        HeaderEnd: "\n\n",
        StripOptions: false,
        KeepsPadding: false,
        LeavesQuestionOutOfShots: false,
        StopSequences: []);

    /// <summary>Every style, the default first.</summary>
    public static IReadOnlyList<MmluProStyle> All { get; } = [Cot, Harness, Letter];

    /// <summary>The style called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No MMLU-Pro style has that name.</exception>
    public static MmluProStyle Parse(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown MMLU-Pro prompt style '{name}'. Valid styles: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));

    /// <summary>The continuations scored: <c> A</c>, <c> B</c>, … one per option.</summary>
    public static IReadOnlyList<string> Continuations(int optionCount) => [.. Letters.First(optionCount).Select(l => " " + l)];

    /// <summary>The question as this style shows it: with or without validation's <c>N/A</c> options.</summary>
    public Question QuestionOf(MmluProRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return KeepsPadding ? record.WithPadding : record.Question;
    }

    /// <summary>The header naming the category as the file writes it.</summary>
    public string Header(string category) => ChainOfThought
        ? Instruction.Replace("{$}", category, StringComparison.Ordinal) + HeaderEnd
        : "The following are multiple choice questions (with answers) about " + category + "." + HeaderEnd;

    /// <summary>One example with its answer.</summary>
    public string Shot(MmluProRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var question = QuestionOf(record);
        return ChainOfThought
            ? Body(question) + record.CotContent.Replace("A: Let's think step by step.", Think, StringComparison.Ordinal) + "\n\n"
            : Query(question) + " " + question.AnswerLetter + "\n\n";
    }

    /// <summary>
    /// One example as chat turns (<c>--fewshot-as-multiturn</c>). <c>cot</c>: the question as asked (ending in
    /// <c>Answer: Let's think step by step.</c>) and the worked answer after that phrase. <c>harness</c>: as
    /// lm-evaluation-harness writes it, whose few-shot target is empty: the whole worked example is the user's turn and
    /// the assistant's is empty. <c>letter</c>: the question and its letter.
    /// </summary>
    public ShotTurn Turn(MmluProRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var question = QuestionOf(record);
        if (!ChainOfThought)
        {
            return new ShotTurn(Query(question), question.AnswerLetter);
        }

        if (LeavesQuestionOutOfShots)
        {
            return new ShotTurn(Shot(record), string.Empty);
        }

        const string Lead = "A: Let's think step by step.";
        var worked = record.CotContent.StartsWith(Lead, StringComparison.Ordinal) ? record.CotContent[Lead.Length..] : record.CotContent;
        return new ShotTurn(Query(question), PythonText.Strip(worked));
    }

    /// <summary>The question without its answer, ending in the answer cue.</summary>
    public string Query(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (ChainOfThought)
        {
            return Body(question) + Think;
        }

        var text = new StringBuilder(PythonText.Strip(question.Text));
        for (var i = 0; i < question.Choices.Count; i++)
        {
            text.Append('\n').Append(Letters.Of(i)).Append(". ").Append(question.Choices[i]);
        }

        return text.Append("\nAnswer:").ToString();
    }

    private string Body(Question question)
    {
        var text = new StringBuilder("Question:\n").Append(question.Text).Append("\nOptions:\n");
        for (var i = 0; i < question.Choices.Count; i++)
        {
            var option = StripOptions ? PythonText.Strip(question.Choices[i]) : question.Choices[i];
            text.Append(Letters.Of(i)).Append(". ").Append(option).Append('\n');
        }

        return text.ToString();
    }
}
