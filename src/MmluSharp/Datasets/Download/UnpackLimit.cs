using System.Globalization;

namespace MmluSharp.Datasets.Download;

/// <summary>
/// How much a download may unpack to (its archives, and parquet files converted to CSV): at most
/// <see cref="MaxBytes"/> in all, and unless the user set the cap, each input at most <see cref="MaxRatio"/> times its
/// own size (beyond a small floor). Together they stop zip and tar bombs before they fill the disk.
/// </summary>
/// <param name="MaxBytes">The most bytes a download may unpack to.</param>
/// <param name="MaxRatio">The most bytes per input byte; null when the user set the cap (then it alone applies).</param>
/// <param name="Origin">Where <see cref="MaxBytes"/> comes from, for messages.</param>
internal sealed record UnpackLimit(long MaxBytes, int? MaxRatio, FormattableString Origin)
{
    /// <summary>The default cap as a multiple of the dataset's usual unpacked size.</summary>
    public const int ExpectedMultiple = 10;

    /// <summary>Deflate reaches about 4:1 on the datasets' CSV text; bombs reach 1000:1.</summary>
    public const int DefaultRatio = 100;

    /// <summary>The default cap is never below this, so small datasets keep room for a generous archive.</summary>
    public const long MinimumCap = 64L << 20;

    /// <summary>Inputs may always unpack to this much whatever their ratio (a tiny archive of a few repetitive files).</summary>
    public const long RatioFloor = 1L << 20;

    /// <summary>The environment variable a tool may read the cap from (the <c>mmlu</c> tool does, beside <c>--max-unpacked</c>).</summary>
    public const string Variable = "MMLU_MAX_UNPACKED";

    /// <summary>The default for <paramref name="source"/>, or the user's cap.</summary>
    public static UnpackLimit For(DatasetSource source, long? userCap) =>
        userCap is { } cap
            ? new UnpackLimit(cap, null, $"the cap set by {MaxUnpacked}")
            : new UnpackLimit(
                Math.Max(ExpectedMultiple * source.ExpectedBytes, MinimumCap),
                DefaultRatio,
                $"the cap for {source.Name}, {ExpectedMultiple}× the {Mib(source.ExpectedBytes)} it usually unpacks to; raise it with {MaxUnpacked}");

    /// <summary>The most one input of <paramref name="inputBytes"/> bytes may unpack to by the ratio cap.</summary>
    public long AllowedFor(long inputBytes) =>
        MaxRatio is { } ratio ? Math.Max(RatioFloor, SaturatingMultiply(inputBytes, ratio)) : long.MaxValue;

    /// <summary>What is wrong when the cap is passed.</summary>
    public FormattableString SizeProblem => $"the data unpacks to more than {Mib(MaxBytes)}, {Origin}";

    /// <summary>What is wrong when an input of <paramref name="inputBytes"/> bytes passes the ratio cap.</summary>
    public FormattableString RatioProblem(long inputBytes) =>
        $"it unpacks to more than {MaxRatio} times its own {Mib(inputBytes)}, as a compression bomb does (if it is genuine, set {MaxUnpacked})";

    private static object MaxUnpacked => OptionText.Mention(nameof(DownloadRequest.MaxUnpackedBytes));

    /// <summary>Bytes in MiB with one decimal, invariant.</summary>
    public static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MiB");

    private static long SaturatingMultiply(long a, int b) => a > long.MaxValue / b ? long.MaxValue : a * b;
}
