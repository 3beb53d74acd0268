using MmluSharp.Datasets;

namespace MmluSharp.Prompting;

/// <summary>
/// Python's <c>==</c> on two dataset rows as lm-evaluation-harness compares them (<c>x != doc</c> in its sampler):
/// the same subject, question text, options and answer, whichever row of the file they were read from.
/// </summary>
internal sealed class SameDocComparer : IEqualityComparer<Question>
{
    public static SameDocComparer Instance { get; } = new();

    public bool Equals(Question? x, Question? y) =>
        ReferenceEquals(x, y)
        || (x is not null && y is not null
            && string.Equals(x.Subject, y.Subject, StringComparison.Ordinal)
            && string.Equals(x.Text, y.Text, StringComparison.Ordinal)
            && x.AnswerIndex == y.AnswerIndex
            && x.Choices.SequenceEqual(y.Choices, StringComparer.Ordinal));

    public int GetHashCode(Question obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Subject), StringComparer.Ordinal.GetHashCode(obj.Text), obj.AnswerIndex);
    }
}
