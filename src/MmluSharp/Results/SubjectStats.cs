namespace MmluSharp.Results;

/// <summary>A subject's accuracy and its place in the catalogue.</summary>
/// <param name="Accuracy">Fraction right.</param>
/// <param name="N">Questions scored.</param>
/// <param name="Correct">Questions answered right.</param>
/// <param name="Stderr">Standard error of <paramref name="Accuracy"/>.</param>
/// <param name="Category">The subject's category.</param>
/// <param name="Subcategory">The subject's subcategory.</param>
/// <param name="Available">
/// The subject's questions in the split when fewer were scored (<c>--limit</c>, <c>--max-samples</c>, a shard);
/// null when all were.
/// </param>
public sealed record SubjectStats(
    double Accuracy, int N, int Correct, double Stderr, string Category, string Subcategory, int? Available = null);
