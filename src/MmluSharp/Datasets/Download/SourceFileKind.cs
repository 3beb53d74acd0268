namespace MmluSharp.Datasets.Download;

/// <summary>What happens to a downloaded file.</summary>
public enum SourceFileKind
{
    /// <summary>Kept as it is, at its relative path.</summary>
    Data,

    /// <summary>A <c>cais/mmlu</c> parquet file, converted to <c>&lt;split&gt;/&lt;subject&gt;_&lt;split&gt;.csv</c> and not kept.</summary>
    MmluParquet,

    /// <summary>A tar, tar.gz or zip archive, unpacked (one top-level folder is stripped) and not kept.</summary>
    Archive,
}
