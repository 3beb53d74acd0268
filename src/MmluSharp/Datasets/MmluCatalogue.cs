namespace MmluSharp.Datasets;

/// <summary>
/// The 57 MMLU subjects with their subcategory and category, exactly as <c>categories.py</c> of hendrycks/test
/// (17 subcategories; categories STEM, humanities, social sciences, other), or lm-evaluation-harness' grouping,
/// which differs only in putting <c>anatomy</c> under STEM.
/// </summary>
public static class MmluCatalogue
{
    /// <summary>The four categories, in the order reports list them.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["STEM", "humanities", "social sciences", "other"];

    private static readonly Dictionary<string, string> SubcategoryToCategory = new(StringComparer.Ordinal)
    {
        ["physics"] = "STEM", ["chemistry"] = "STEM", ["biology"] = "STEM",
        ["computer science"] = "STEM", ["math"] = "STEM", ["engineering"] = "STEM",
        ["history"] = "humanities", ["philosophy"] = "humanities", ["law"] = "humanities",
        ["politics"] = "social sciences", ["culture"] = "social sciences", ["economics"] = "social sciences",
        ["geography"] = "social sciences", ["psychology"] = "social sciences",
        ["other"] = "other", ["business"] = "other", ["health"] = "other",
    };

    private static readonly (string Subject, string Subcategory)[] Table =
    [
        ("abstract_algebra", "math"), ("anatomy", "health"), ("astronomy", "physics"),
        ("business_ethics", "business"), ("clinical_knowledge", "health"), ("college_biology", "biology"),
        ("college_chemistry", "chemistry"), ("college_computer_science", "computer science"),
        ("college_mathematics", "math"), ("college_medicine", "health"), ("college_physics", "physics"),
        ("computer_security", "computer science"), ("conceptual_physics", "physics"), ("econometrics", "economics"),
        ("electrical_engineering", "engineering"), ("elementary_mathematics", "math"), ("formal_logic", "philosophy"),
        ("global_facts", "other"), ("high_school_biology", "biology"), ("high_school_chemistry", "chemistry"),
        ("high_school_computer_science", "computer science"), ("high_school_european_history", "history"),
        ("high_school_geography", "geography"), ("high_school_government_and_politics", "politics"),
        ("high_school_macroeconomics", "economics"), ("high_school_mathematics", "math"),
        ("high_school_microeconomics", "economics"), ("high_school_physics", "physics"),
        ("high_school_psychology", "psychology"), ("high_school_statistics", "math"),
        ("high_school_us_history", "history"), ("high_school_world_history", "history"), ("human_aging", "health"),
        ("human_sexuality", "culture"), ("international_law", "law"), ("jurisprudence", "law"),
        ("logical_fallacies", "philosophy"), ("machine_learning", "computer science"), ("management", "business"),
        ("marketing", "business"), ("medical_genetics", "health"), ("miscellaneous", "other"),
        ("moral_disputes", "philosophy"), ("moral_scenarios", "philosophy"), ("nutrition", "health"),
        ("philosophy", "philosophy"), ("prehistory", "history"), ("professional_accounting", "other"),
        ("professional_law", "law"), ("professional_medicine", "health"), ("professional_psychology", "psychology"),
        ("public_relations", "politics"), ("security_studies", "politics"), ("sociology", "culture"),
        ("us_foreign_policy", "politics"), ("virology", "health"), ("world_religions", "philosophy"),
    ];

    private static readonly Dictionary<string, SubjectInfo> OriginalBySubject = Table.ToDictionary(
        row => row.Subject,
        row => new SubjectInfo(row.Subject, row.Subcategory, SubcategoryToCategory[row.Subcategory]),
        StringComparer.Ordinal);

    /// <summary>The 57 subject keys in alphabetical order.</summary>
    public static IReadOnlyList<string> Subjects { get; } = [.. Table.Select(row => row.Subject)];

    /// <summary>The 17 subcategories, in the order <c>categories.py</c> lists them under their categories.</summary>
    public static IReadOnlyList<string> Subcategories { get; } = [.. SubcategoryToCategory.Keys];

    /// <summary>Whether <paramref name="subject"/> is one of the 57.</summary>
    public static bool Contains(string subject) => OriginalBySubject.ContainsKey(subject);

    /// <summary>The subject's subcategory and category under <paramref name="grouping"/>.</summary>
    /// <exception cref="KeyNotFoundException">The subject is not an MMLU subject.</exception>
    public static SubjectInfo Get(string subject, Grouping grouping = Grouping.Original)
    {
        if (!OriginalBySubject.TryGetValue(subject, out var info))
        {
            throw new KeyNotFoundException($"'{subject}' is not one of the 57 MMLU subjects.");
        }

        return grouping == Grouping.Harness && subject == "anatomy" ? info with { Category = "STEM" } : info;
    }

    private static readonly Catalogue OriginalCatalogue = Build(Grouping.Original);
    private static readonly Catalogue HarnessCatalogue = Build(Grouping.Harness);

    /// <summary>The 57 subjects as a <see cref="Catalogue"/> under <paramref name="grouping"/>.</summary>
    public static Catalogue For(Grouping grouping = Grouping.Original) =>
        grouping == Grouping.Harness ? HarnessCatalogue : OriginalCatalogue;

    private static Catalogue Build(Grouping grouping) => new(
        "mmlu",
        Categories,
        Subcategories,
        Subjects.ToDictionary(s => s, s => Get(s, grouping), StringComparer.Ordinal));

    /// <summary>The subject's place, or a catch-all for subjects outside the catalogue.</summary>
    public static SubjectInfo GetOrOther(string subject, Grouping grouping = Grouping.Original) =>
        Contains(subject) ? Get(subject, grouping) : new SubjectInfo(subject, "other", "other");
}
