namespace MmluSharp.Results;

/// <summary>Which model ran: a local file (with its size and SHA-256) or a served model.</summary>
/// <param name="Name">File name without extension, or the model name the server knows.</param>
/// <param name="Path">The local file.</param>
/// <param name="FileSize">The local file's size in bytes.</param>
/// <param name="Sha256">The local file's SHA-256.</param>
/// <param name="Endpoint">For a served model: endpoints, API kind and request parameters (never the API key).</param>
/// <param name="Parameters">The local file's parameter count, from its header.</param>
/// <param name="FileType">The local file's tensor type, from its header (e.g. <c>Q8_0</c>).</param>
public sealed record ModelDescription(
    string Name,
    string? Path,
    long? FileSize,
    string? Sha256,
    IReadOnlyDictionary<string, string>? Endpoint = null,
    long? Parameters = null,
    string? FileType = null);
