using MmluSharp.Datasets;

namespace MmluSharp.Prompting;

/// <summary>A question with the prompt and the continuations it is scored with.</summary>
public sealed record PromptedQuestion(Question Question, Prompt Prompt, IReadOnlyList<string> Continuations)
{
    /// <summary>Unique within a run: <c>subject/index</c>, and <c>@rotation</c> for rotated options.</summary>
    public string Key => KeyOf(Question.Subject, Question.Index, Question.Rotation);

    /// <summary>The key of the question at <paramref name="index"/> of <paramref name="subject"/>.</summary>
    public static string KeyOf(string subject, int index, int rotation = 0) =>
        rotation == 0
            ? $"{subject}/{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"{subject}/{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}@{rotation.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
