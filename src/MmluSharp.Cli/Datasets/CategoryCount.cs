using MmluSharp.Datasets;

namespace MmluSharp.Cli.Datasets;

/// <summary>How many subjects and rows of a split fall in one category.</summary>
/// <param name="Category">e.g. <c>STEM</c>.</param>
/// <param name="Subjects">Subjects in the category.</param>
/// <param name="Questions">Rows in those subjects.</param>
internal sealed record CategoryCount(string Category, int Subjects, int Questions);
