namespace MmluSharp.Datasets;

/// <summary>A count attached to one subject.</summary>
/// <param name="Subject">The subject key.</param>
/// <param name="Count">The count.</param>
public sealed record SubjectCount(string Subject, int Count);
