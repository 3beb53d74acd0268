namespace MmluSharp.Results;

/// <summary>Which model ran: a local file (with its size and SHA-256) or a served model.</summary>
/// <param name="Name">File name without extension, or the model name the server knows.</param>
/// <param name="Path">The local file.</param>
/// <param name="FileSize">The local file's size in bytes.</param>
/// <param name="Sha256">The local file's SHA-256.</param>
/// <param name="Endpoint">For a served model: endpoints, API kind and request parameters (never the API key).</param>
public sealed record ModelDescription(
    string Name, string? Path, long? FileSize, string? Sha256, IReadOnlyDictionary<string, string>? Endpoint = null);
