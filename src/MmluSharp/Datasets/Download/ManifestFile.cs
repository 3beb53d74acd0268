namespace MmluSharp.Datasets.Download;

/// <summary>A file in a manifest.</summary>
/// <param name="Path">Relative path, <c>/</c>-separated: in the dataset folder, or for a download its path under the source.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Lower-case hex.</param>
/// <param name="Url">For a download: where it came from.</param>
/// <param name="Verified">For a download: whether its SHA-256 was checked against a known value.</param>
public sealed record ManifestFile(string Path, long Size, string Sha256, Uri? Url = null, bool? Verified = null);
