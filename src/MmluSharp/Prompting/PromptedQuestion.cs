using MmluSharp.Datasets;

namespace MmluSharp.Prompting;

/// <summary>A question with the prompt and the continuations it is scored with.</summary>
public sealed record PromptedQuestion(Question Question, Prompt Prompt, IReadOnlyList<string> Continuations)
{
    /// <summary>Unique within a run: <c>subject/index</c>.</summary>
    public string Key => KeyOf(Question.Subject, Question.Index);

    /// <summary>The key of the question at <paramref name="index"/> of <paramref name="subject"/>.</summary>
    public static string KeyOf(string subject, int index) =>
        $"{subject}/{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
