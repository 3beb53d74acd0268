namespace MmluSharp.Models.Hub;

/// <summary>A file of a repository at a commit, as the Hub's API lists it.</summary>
/// <param name="Path">Its path in the repository, <c>/</c>-separated.</param>
/// <param name="Size">Bytes (of the real file, for LFS files), when known.</param>
/// <param name="Sha256">For LFS files (every GGUF on the Hub): the SHA-256 the Hub reports, lower-case hex.</param>
/// <param name="BlobId">The git blob id, used to name the cached copy of a file that is not in LFS.</param>
internal sealed record HubRepoFile(string Path, long? Size, string? Sha256, string? BlobId)
{
    /// <summary>The name of its blob in the cache: the SHA-256 for LFS files (as huggingface_hub names them), else the git blob id.</summary>
    public string? BlobName => Sha256 ?? BlobId;
}
