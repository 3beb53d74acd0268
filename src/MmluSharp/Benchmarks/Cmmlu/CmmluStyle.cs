using System.Globalization;
using System.Text;
using MmluSharp.Datasets;
using MmluSharp.Prompting;

namespace MmluSharp.Benchmarks.Cmmlu;

/// <summary>
/// How a CMMLU question is written into a prompt. Both styles share the Chinese header of the CMMLU authors
/// (<c>以下是关于{科目}的单项选择题，请直接给出正确答案的选项。\n\n</c>) and differ where their references differ.
/// </summary>
/// <param name="Name">The name on the command line, e.g. <c>cmmlu</c>.</param>
/// <param name="Version">Bumped whenever the rendered bytes change.</param>
/// <param name="Description">The reference the style reproduces.</param>
/// <param name="QuestionLead">Written before the question text.</param>
/// <param name="StripQuestion">Whether the question is trimmed as Python's <c>str.strip()</c> trims it.</param>
/// <param name="AnswerCue">Ends every example, before the answer letter.</param>
/// <param name="TargetDelimiter">Between the cue and the letter, in shots and in the scored continuations.</param>
internal sealed record CmmluStyle(
    string Name,
    int Version,
    string Description,
    string QuestionLead,
    bool StripQuestion,
    string AnswerCue,
    string TargetDelimiter)
{
    /// <summary>After each few-shot example's answer letter.</summary>
    public const string FewShotDelimiter = "\n\n";

    /// <summary>
    /// haonan-li/CMMLU <c>src/mp_utils.py</c> (<c>gen_prompt</c>, <c>format_example</c>): <c>题目：{q}\nA. …\n答案是：</c>,
    /// shots end <c>{L}\n\n</c> with no space, and <c>hf_causal_model.py</c> compares the logits of the tokens
    /// <c>A</c>…<c>D</c>, so the continuations carry no space either. Text as pandas reads it (untrimmed).
    /// </summary>
    public static CmmluStyle Authors { get; } = new(
        "cmmlu", 1, "haonan-li/CMMLU mp_utils.py: 题目：…\\n答案是：, letters without a space", "题目：", false, "\n答案是：", string.Empty);

    /// <summary>
    /// lm-evaluation-harness <c>cmmlu</c> (<c>_default_template_yaml</c> and <c>_generate_configs.py</c>):
    /// <c>{{Question.strip()}}\nA. {{A}}…\n答案：</c>, default target delimiter <c>" "</c> and few-shot delimiter <c>"\n\n"</c>.
    /// </summary>
    public static CmmluStyle Harness { get; } = new(
        "harness", 1, "lm-evaluation-harness cmmlu: Question.strip(), 答案：, letters after a space", string.Empty, true, "\n答案：", " ");

    /// <summary>Every style, the default first.</summary>
    public static IReadOnlyList<CmmluStyle> All { get; } = [Authors, Harness];

    /// <summary>The style called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No CMMLU style has that name.</exception>
    public static CmmluStyle Parse(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown CMMLU prompt style '{name}'. Valid styles: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));

    /// <summary>The continuations scored after the cue: <c>A</c>…<c>D</c> or <c> A</c>…<c> D</c>.</summary>
    public IReadOnlyList<string> Continuations(int optionCount) =>
        [.. Letters.First(optionCount).Select(l => TargetDelimiter + l)];

    /// <summary>The header naming the subject in Chinese.</summary>
    public static string Header(string subject) =>
        string.Create(CultureInfo.InvariantCulture, $"以下是关于{CmmluCatalogue.ChineseNames[subject]}的单项选择题，请直接给出正确答案的选项。\n\n");

    /// <summary>One example without its answer, ending in the cue.</summary>
    public string Query(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = new StringBuilder(QuestionLead).Append(StripQuestion ? PythonText.Strip(question.Text) : question.Text);
        for (var i = 0; i < question.Choices.Count; i++)
        {
            text.Append('\n').Append(Letters.Of(i)).Append(". ").Append(question.Choices[i]);
        }

        return text.Append(AnswerCue).ToString();
    }

    /// <summary>One example as chat turns: the question ending in the cue, and its letter.</summary>
    public ShotTurn Turn(Question question) => new(Query(question), question.AnswerLetter);

    /// <summary>One example with its answer and the few-shot delimiter.</summary>
    public string Shot(Question question) => Query(question) + TargetDelimiter + question.AnswerLetter + FewShotDelimiter;
}
