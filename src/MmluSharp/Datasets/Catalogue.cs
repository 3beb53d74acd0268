namespace MmluSharp.Datasets;

/// <summary>A benchmark's subjects with their subcategory and category, and the order reports list groups in.</summary>
/// <param name="Benchmark">e.g. <c>mmlu</c>.</param>
/// <param name="Categories">Category names in report order.</param>
/// <param name="Subcategories">Subcategory names in report order (may equal the categories where a benchmark has none).</param>
/// <param name="Subjects">Subject key → its place.</param>
public sealed record Catalogue(
    string Benchmark,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Subcategories,
    IReadOnlyDictionary<string, SubjectInfo> Subjects)
{
    /// <summary>The subject's place, or a catch-all <c>other</c> for a subject the catalogue does not list.</summary>
    public SubjectInfo Get(string subject) =>
        Subjects.TryGetValue(subject, out var info) ? info : new SubjectInfo(subject, "other", "other");
}
