using MmluSharp.Datasets;

namespace MmluSharp.Cli.Datasets;

/// <summary>A count attached to a pair of subjects, <paramref name="First"/> ordinal-before <paramref name="Second"/>.</summary>
/// <param name="First">The first subject key.</param>
/// <param name="Second">The second subject key.</param>
/// <param name="Count">The count, e.g. distinct rows both hold.</param>
internal sealed record SubjectPairCount(string First, string Second, int Count);
