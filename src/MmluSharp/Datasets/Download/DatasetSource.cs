namespace MmluSharp.Datasets.Download;

/// <summary>Where a dataset comes from and what folder it becomes.</summary>
/// <param name="Name">The name on the command line and the cache folder's name, e.g. <c>mmlu</c>.</param>
/// <param name="Title">Who publishes it, e.g. <c>Hugging Face cais/mmlu (parquet)</c>.</param>
/// <param name="BaseUrl">The base URL the files' paths are relative to (no trailing slash); <c>--source</c> replaces it.</param>
/// <param name="Files">The files to fetch.</param>
/// <param name="Layout">The folder it produces, for messages, e.g. <c>dev/, val/, test/ with &lt;subject&gt;_&lt;split&gt;.csv</c>.</param>
/// <param name="Expected">Paths (folders or files) the finished folder must hold.</param>
/// <param name="ArchiveUrl">An alternative single archive holding the same layout (pass it as <c>--source</c>), or null.</param>
/// <param name="Licence">The data's licence, as its publishers state it.</param>
/// <param name="ExpectedBytes">About how many bytes the dataset unpacks to (its largest form); archives are capped at a multiple.</param>
public sealed record DatasetSource(
    string Name,
    string Title,
    string BaseUrl,
    IReadOnlyList<SourceFile> Files,
    string Layout,
    IReadOnlyList<string> Expected,
    string? ArchiveUrl,
    string Licence,
    long ExpectedBytes);
