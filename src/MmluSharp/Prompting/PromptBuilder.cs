using MmluSharp.Datasets;

namespace MmluSharp.Prompting;

/// <summary>Builds prompts: the subject header, the few-shot examples, then the question ending in <c>Answer:</c>.</summary>
internal static class PromptBuilder
{
    [ThreadStatic]
    private static FewShotContext? last;

    /// <summary>
    /// The prompt for <paramref name="question"/> with <paramref name="shots"/> (the first k dev rows of its
    /// subject, in order) as examples. Consecutive calls with the same style, subject and shot instances reuse
    /// the rendered header and shots.
    /// </summary>
    public static Prompt Build(PromptStyle style, Question question, IReadOnlyList<Question> shots)
    {
        ArgumentNullException.ThrowIfNull(question);
        return ForSubject(style, question.Subject, shots).Build(question);
    }

    /// <summary>A reusable context that renders the header and <paramref name="shots"/> once for a whole subject.</summary>
    public static FewShotContext ForSubject(PromptStyle style, string subject, IReadOnlyList<Question> shots)
    {
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(shots);
        var context = last;
        if (context is null || !context.Matches(style, subject, shots))
        {
            context = new FewShotContext(style, subject, shots);
            last = context;
        }

        return context;
    }
}
