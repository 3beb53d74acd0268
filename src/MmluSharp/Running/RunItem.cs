using MmluSharp.Datasets;
using MmluSharp.Prompting;

namespace MmluSharp.Running;

/// <summary>A question with the prompt and continuations it is scored with.</summary>
public sealed record RunItem(Question Question, Prompt Prompt, IReadOnlyList<string> Continuations)
{
    /// <summary>Unique within a run: <c>subject/index</c>.</summary>
    public string Key => KeyOf(Question.Subject, Question.Index);

    internal static string KeyOf(string subject, int index) =>
        $"{subject}/{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
