namespace MmluSharp.Datasets.Download;

/// <summary>The outcome of a download.</summary>
/// <param name="Folder">The dataset folder.</param>
/// <param name="Manifest">Its manifest.</param>
/// <param name="AlreadyPresent">True when the folder was already complete and nothing was fetched.</param>
public sealed record DownloadResult(string Folder, DownloadManifest Manifest, bool AlreadyPresent);
