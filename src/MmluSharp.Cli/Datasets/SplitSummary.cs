using MmluSharp.Datasets;

namespace MmluSharp.Cli.Datasets;

/// <summary>Counts for one split of an MMLU folder.</summary>
/// <param name="Split"><c>dev</c>, <c>val</c> or <c>test</c>.</param>
/// <param name="Subjects">Number of subject files.</param>
/// <param name="Questions">Number of rows over all subjects.</param>
/// <param name="Categories">Subjects and rows per category, in <see cref="MmluCatalogue.Categories"/> order (unknown subjects count as <c>other</c>).</param>
/// <param name="DuplicateRows">Rows that repeat an earlier identical row (question, choices, answer) of the same subject file.</param>
/// <param name="DuplicatesBySubject">The subjects with duplicate rows and how many, ordinal by subject.</param>
/// <param name="SharedRows">Distinct rows that occur in more than one subject of the split.</param>
/// <param name="SharedBetween">For each pair of subjects that share rows, how many distinct rows they share.</param>
internal sealed record SplitSummary(
    string Split,
    int Subjects,
    int Questions,
    IReadOnlyList<CategoryCount> Categories,
    int DuplicateRows,
    IReadOnlyList<SubjectCount> DuplicatesBySubject,
    int SharedRows,
    IReadOnlyList<SubjectPairCount> SharedBetween);
