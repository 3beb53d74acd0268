namespace MmluSharp.Datasets.Download;

/// <summary>How far the download of one file is.</summary>
/// <param name="Url">What is being downloaded.</param>
/// <param name="File">Its path in the dataset, e.g. <c>all/test-00000-of-00001.parquet</c>.</param>
/// <param name="Received">Bytes received so far.</param>
/// <param name="Total">The size the server announced, if it did.</param>
/// <param name="Completed">True once the file is complete and verified.</param>
/// <param name="Waiting">True while another process downloads the same file and this one waits for it.</param>
public sealed record DownloadProgress(Uri Url, string File, long Received, long? Total, bool Completed, bool Waiting = false);
