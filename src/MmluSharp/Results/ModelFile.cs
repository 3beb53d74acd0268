namespace MmluSharp.Results;

/// <summary>One file of a model (one part of a split GGUF), as results record it.</summary>
/// <param name="Path">Its name (its path in the repository for a Hub model).</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
public sealed record ModelFile(string Path, long Size, string Sha256);
