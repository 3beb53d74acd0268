namespace MmluSharp.Models.Hub;

/// <summary>One file of a resolved model (one part of a split set).</summary>
/// <param name="Path">Its path in the repository.</param>
/// <param name="Size">Bytes, when known.</param>
/// <param name="Sha256">The SHA-256 the Hub reports (or the cached blob is named after), when known.</param>
/// <param name="Blob">The name of its blob in the cache.</param>
/// <param name="LocalPath">Its path in the cache's snapshot folder (present once downloaded).</param>
/// <param name="Url">Where it is downloaded from (the Hub's <c>resolve</c> URL at the commit).</param>
public sealed record HubModelFile(string Path, long? Size, string? Sha256, string Blob, string LocalPath, Uri Url);
