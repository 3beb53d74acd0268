using MmluSharp.Datasets;

namespace MmluSharp.Cli.Datasets;

/// <summary>A count attached to one subject.</summary>
/// <param name="Subject">The subject key.</param>
/// <param name="Count">The count.</param>
internal sealed record SubjectCount(string Subject, int Count);
