namespace MmluSharp.Reports.Comparison;

/// <summary>A published MMLU result (percentages), with where it was published; null where the source gives no number.</summary>
internal sealed record PublishedResult(
    string Model, double? Humanities, double? SocialSciences, double? Stem, double? Other, double Average, string Source);
