namespace MmluSharp.Results;

/// <summary>Which model ran: a local file (with its size and SHA-256) or a served model.</summary>
/// <param name="Name">File name without extension (and without a split suffix), or the model name the server knows.</param>
/// <param name="Path">The local file (the first part of a split model).</param>
/// <param name="FileSize">The local file's size in bytes (all parts of a split model).</param>
/// <param name="Sha256">The local file's SHA-256; for a split model, the SHA-256 of its parts' bytes in order.</param>
/// <param name="Endpoint">For a served model: endpoints, API kind and request parameters (never the API key).</param>
/// <param name="Parameters">The local file's parameter count, from its header (all parts of a split model).</param>
/// <param name="FileType">The local file's tensor type, from its header (e.g. <c>Q8_0</c>).</param>
/// <param name="Files">For a split model or a Hub model: each file with its size and SHA-256.</param>
/// <param name="Hub">For a model named on the Hugging Face Hub: the reference and the commit it resolved to.</param>
public sealed record ModelDescription(
    string Name,
    string? Path,
    long? FileSize,
    string? Sha256,
    IReadOnlyDictionary<string, string>? Endpoint = null,
    long? Parameters = null,
    string? FileType = null,
    IReadOnlyList<ModelFile>? Files = null,
    HubSource? Hub = null);
