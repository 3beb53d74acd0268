using MmluSharp.Datasets;

namespace MmluSharp.Tests.Datasets;

/// <summary>Compares questions by value, choices element by element (the record compares the list by reference).</summary>
internal sealed class QuestionComparer : IEqualityComparer<Question>
{
    public static readonly QuestionComparer Instance = new();

    public bool Equals(Question? x, Question? y) =>
        x is not null && y is not null
        && x.Benchmark == y.Benchmark && x.Subject == y.Subject && x.Split == y.Split
        && x.Index == y.Index && x.Text == y.Text && x.AnswerIndex == y.AnswerIndex
        && x.Choices.SequenceEqual(y.Choices, StringComparer.Ordinal);

    public int GetHashCode(Question obj) => HashCode.Combine(obj.Subject, obj.Index, obj.Text);
}
