using MmluSharp.Datasets;

namespace MmluSharp.Cli.Datasets;

/// <summary>What an MMLU folder holds, split by split (see <see cref="DatasetInspector"/>).</summary>
/// <param name="Root">The folder described.</param>
/// <param name="Grouping">The category mapping used for <see cref="SplitSummary.Categories"/>.</param>
/// <param name="Splits">One summary per split present, in the order dev, val, test.</param>
internal sealed record DatasetSummary(string Root, Grouping Grouping, IReadOnlyList<SplitSummary> Splits);
