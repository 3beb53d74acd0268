namespace MmluSharp.Results;

/// <summary>Which model ran: a local file (with its size and SHA-256) or a served model.</summary>
public sealed record ModelDescription(string Name, string? Path, long? FileSize, string? Sha256);
