namespace MmluSharp.Datasets.Download;

/// <summary>What to download and where.</summary>
/// <param name="Name">The name of a registered benchmark that has a <see cref="Benchmarks.IBenchmark.Source"/>.</param>
/// <param name="Target">The dataset folder to produce, e.g. <c>&lt;cache&gt;/mmlu</c>.</param>
/// <param name="Source">
/// Replaces the catalogue's base URL (a mirror); a URL ending in <c>.tar</c>, <c>.tar.gz</c>, <c>.tgz</c> or <c>.zip</c>
/// is instead one archive holding the dataset's layout.
/// </param>
/// <param name="Force">Replace a folder that is already there.</param>
/// <param name="ToolVersion">Recorded in the manifest.</param>
/// <param name="MaxUnpackedBytes">
/// The most bytes an archive or a converted parquet file may unpack to, replacing the default cap (a multiple of the
/// dataset's usual size, plus a 100:1 ratio cap); null for the default.
/// </param>
public sealed record DownloadRequest(string Name, string Target, Uri? Source = null, bool Force = false, string ToolVersion = "0.0.0", long? MaxUnpackedBytes = null);
