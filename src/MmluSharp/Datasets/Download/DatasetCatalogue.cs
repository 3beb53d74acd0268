namespace MmluSharp.Datasets.Download;

/// <summary>
/// The sources <c>mmlu datasets download</c> knows, in one table. Hashes are checked where known: MMLU-Pro's two
/// parquet files, and every CMMLU and MMLU-Redux CSV (the GitHub sources are pinned to a commit, so their bytes
/// cannot change). The <c>cais/mmlu</c> parquet files on <c>main</c> have no pinned hash; their SHA-256 is recorded
/// in the manifest.
/// </summary>
internal static class DatasetCatalogue
{
    private const string Hf = "https://huggingface.co/datasets";
    private const string GitHubRaw = "https://raw.githubusercontent.com";

    public static IReadOnlyList<DatasetSource> All { get; } =
    [
        new(
            "mmlu",
            "Hugging Face cais/mmlu, config all (parquet), converted to the original CSV layout",
            $"{Hf}/cais/mmlu/resolve/main",
            [
                new("all/dev-00000-of-00001.parquet", null, SourceFileKind.MmluParquet, "dev"),
                new("all/validation-00000-of-00001.parquet", null, SourceFileKind.MmluParquet, "val"),
                new("all/test-00000-of-00001.parquet", null, SourceFileKind.MmluParquet, "test"),
            ],
            "dev/, val/, test/ with <subject>_<split>.csv",
            ["dev", "val", "test"],
            "https://people.eecs.berkeley.edu/~hendrycks/data.tar",
            "MIT",
            170_000_000), // data.tar with auxiliary_train/; dev, val and test alone are 7.2 MB
        new(
            "cmmlu",
            "GitHub haonan-li/CMMLU @ d6e7b716 (data/)",
            $"{GitHubRaw}/haonan-li/CMMLU/d6e7b716d8ac694f38969a6c0407437d1fded799/data",
            KnownHashes.Parse(KnownHashes.Cmmlu),
            "dev/, test/ with <subject>.csv",
            ["dev", "test"],
            "https://huggingface.co/datasets/haonan-li/cmmlu/resolve/main/cmmlu_v1_0_1.zip",
            "CC BY-NC-SA 4.0",
            2_500_000),
        new(
            "mmlu-pro",
            "Hugging Face TIGER-Lab/MMLU-Pro (parquet)",
            $"{Hf}/TIGER-Lab/MMLU-Pro/resolve/main",
            [
                new("data/test-00000-of-00001.parquet", "b8c790c6cc613a4b71a413230db54bcf2e2053d876ffc4c4451c94908af9e1f5"),
                new("data/validation-00000-of-00001.parquet", "a6db33e44c7a8d6a0a9665aabe6596a5e7436bebb62412d1219821283835e457"),
            ],
            "data/test-00000-of-00001.parquet, data/validation-00000-of-00001.parquet",
            ["data/test-00000-of-00001.parquet", "data/validation-00000-of-00001.parquet"],
            null,
            "MIT",
            14_100_000),
        new(
            "mmlu-redux",
            "GitHub aryopg/mmlu-redux @ 4563cfa7 (mmlu_redux/, the raw annotation CSVs)",
            $"{GitHubRaw}/aryopg/mmlu-redux/4563cfa79b659d76716e5b6019f46bba85fa02db/mmlu_redux",
            KnownHashes.Parse(KnownHashes.MmluRedux),
            "mmlu_<subject>.csv",
            ["mmlu_abstract_algebra.csv"],
            null,
            "CC BY 4.0",
            2_600_000),
    ];

    /// <summary>The names, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(s => s.Name));

    /// <summary>The source called <paramref name="name"/>.</summary>
    /// <exception cref="DatasetException">No such source.</exception>
    public static DatasetSource Get(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new DatasetException($"unknown dataset '{name}': choose one of {Names}");
}
