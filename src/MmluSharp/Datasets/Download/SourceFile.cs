namespace MmluSharp.Datasets.Download;

/// <summary>One file of a source.</summary>
/// <param name="Path">Its path under the source's base URL; for <see cref="SourceFileKind.Data"/> also its path in the dataset folder.</param>
/// <param name="Sha256">The expected SHA-256 (lower-case hex), or null when not known.</param>
/// <param name="Kind">What is done with it once downloaded.</param>
/// <param name="Split">For <see cref="SourceFileKind.MmluParquet"/>: the folder split it becomes (<c>dev</c>, <c>val</c>, <c>test</c>).</param>
public sealed record SourceFile(string Path, string? Sha256, SourceFileKind Kind = SourceFileKind.Data, string? Split = null);
