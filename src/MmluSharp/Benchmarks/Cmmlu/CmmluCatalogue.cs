using MmluSharp.Datasets;

namespace MmluSharp.Benchmarks.Cmmlu;

/// <summary>
/// The 67 CMMLU subjects with their Chinese names and groups, exactly as <c>src/categories.py</c> of haonan-li/CMMLU
/// (<c>name_en2zh</c>, <c>subcategories</c>, <c>categories</c>). A subject's subcategory here is the first one that
/// file lists; 15 subjects also carry <c>china specific</c>, a fifth category that overlaps the other four, which
/// the catalogue cannot hold (one category per subject) and <see cref="CmmluAnalysis"/> reports instead.
/// </summary>
internal static class CmmluCatalogue
{
    /// <summary>The benchmark name.</summary>
    public const string Benchmark = "cmmlu";

    /// <summary>The overlapping fifth category of <c>categories.py</c>.</summary>
    public const string ChinaSpecific = "China specific";

    private static readonly (string Category, string[] Subcategories)[] Groups =
    [
        ("STEM", ["physics", "chemistry", "biology", "computer science", "math", "engineering", "statistics"]),
        ("Humanities", ["history", "philosophy", "law", "arts", "literature", "global"]),
        ("Social Science", ["linguistics", "business", "politics", "culture", "economics", "geography", "psychology", "education", "sociology"]),
        ("Other", ["other"]),
    ];

    private static readonly Dictionary<string, string> CategoryOf = Groups
        .SelectMany(g => g.Subcategories.Select(s => (Sub: s, g.Category)))
        .ToDictionary(p => p.Sub, p => p.Category, StringComparer.Ordinal);

    /// <summary>The four disjoint categories, in the order <c>categories.py</c> lists them.</summary>
    public static IReadOnlyList<string> Categories { get; } = [.. Groups.Select(g => g.Category)];

    /// <summary>The subjects' subcategories, in the order <c>categories.py</c> lists them under their categories.</summary>
    public static IReadOnlyList<string> Subcategories { get; } = [.. Groups.SelectMany(g => g.Subcategories)];

    /// <summary>Subject key → Chinese name (<c>name_en2zh</c>), as the prompts' header names it.</summary>
    public static IReadOnlyDictionary<string, string> ChineseNames { get; } =
        CmmluSubjectTable.Rows.ToDictionary(r => r.Subject, r => r.Chinese, StringComparer.Ordinal);

    /// <summary>The subjects <c>categories.py</c> also files under <c>china specific</c>.</summary>
    public static IReadOnlySet<string> ChinaSpecificSubjects { get; } =
        CmmluSubjectTable.Rows.Where(r => r.ChinaSpecific).Select(r => r.Subject).ToHashSet(StringComparer.Ordinal);

    /// <summary>The 67 subjects as a <see cref="Catalogue"/>.</summary>
    public static Catalogue Catalogue { get; } = new(
        Benchmark,
        Categories,
        Subcategories,
        CmmluSubjectTable.Rows.ToDictionary(
            r => r.Subject,
            r => new SubjectInfo(r.Subject, r.Subcategory, CategoryOf[r.Subcategory]),
            StringComparer.Ordinal));
}
