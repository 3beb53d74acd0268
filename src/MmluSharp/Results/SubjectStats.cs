namespace MmluSharp.Results;

/// <summary>A subject's accuracy and its place in the catalogue.</summary>
public sealed record SubjectStats(double Accuracy, int N, int Correct, double Stderr, string Category, string Subcategory);
