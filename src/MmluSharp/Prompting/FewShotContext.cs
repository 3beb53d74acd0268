using MmluSharp.Datasets;

namespace MmluSharp.Prompting;

/// <summary>
/// One subject's header and rendered few-shot examples under one style, built once and shared by every prompt
/// of the subject: <see cref="Build"/> only renders the query.
/// </summary>
internal sealed class FewShotContext
{
    private readonly Question[] shotQuestions;

    internal FewShotContext(PromptStyle style, string subject, IReadOnlyList<Question> shots)
    {
        Style = style;
        Subject = subject;
        shotQuestions = [.. shots];
        Header = style.Header(subject);
        Shots = Array.AsReadOnly(shotQuestions.Select(style.Shot).ToArray());
        Turns = Array.AsReadOnly(shotQuestions.Select(q => new ShotTurn(style.Query(q), q.AnswerLetter)).ToArray());
    }

    /// <summary>The style the prompts are written in.</summary>
    public PromptStyle Style { get; }

    /// <summary>The subject key the header names.</summary>
    public string Subject { get; }

    /// <summary>The rendered header.</summary>
    public string Header { get; }

    /// <summary>The rendered examples, each ending in its answer and the few-shot delimiter.</summary>
    public IReadOnlyList<string> Shots { get; }

    /// <summary>The examples as chat turns: each question ending in <c>Answer:</c>, and its letter.</summary>
    public IReadOnlyList<ShotTurn> Turns { get; }

    /// <summary>The prompt for <paramref name="question"/>, sharing this context's header and shots.</summary>
    public Prompt Build(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return new Prompt(Header, Shots, Style.Query(question)) { Turns = Turns };
    }

    /// <summary>Whether this context was built from exactly these inputs (the same shot instances).</summary>
    internal bool Matches(PromptStyle style, string subject, IReadOnlyList<Question> shots)
    {
        if (!Style.Equals(style) || !string.Equals(Subject, subject, StringComparison.Ordinal)
            || shots.Count != shotQuestions.Length)
        {
            return false;
        }

        for (var i = 0; i < shotQuestions.Length; i++)
        {
            if (!ReferenceEquals(shots[i], shotQuestions[i]))
            {
                return false;
            }
        }

        return true;
    }
}
