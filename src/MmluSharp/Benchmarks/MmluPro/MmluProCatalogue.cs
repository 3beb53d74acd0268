using MmluSharp.Datasets;

namespace MmluSharp.Benchmarks.MmluPro;

/// <summary>
/// MMLU-Pro's 14 categories, each its own subject, subcategory and category. Subject keys replace spaces with
/// underscores (<c>computer_science</c>); the categories keep the file's spelling (<c>computer science</c>).
/// </summary>
internal static class MmluProCatalogue
{
    /// <summary>The benchmark name.</summary>
    public const string Benchmark = "mmlu-pro";

    /// <summary>The 14 categories, alphabetical.</summary>
    public static IReadOnlyList<string> Categories { get; } =
    [
        "biology", "business", "chemistry", "computer science", "economics", "engineering", "health",
        "history", "law", "math", "other", "philosophy", "physics", "psychology",
    ];

    /// <summary>The 14 categories as a <see cref="Catalogue"/>.</summary>
    public static Catalogue Catalogue { get; } = new(
        Benchmark,
        Categories,
        Categories,
        Categories.ToDictionary(MmluProReader.SubjectOf, c => new SubjectInfo(MmluProReader.SubjectOf(c), c, c), StringComparer.Ordinal));
}
