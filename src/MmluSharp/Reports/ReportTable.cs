namespace MmluSharp.Reports;

/// <summary>
/// A titled table of already formatted cells: what both the Markdown and the HTML writers render, so the two
/// always show the same numbers. Cells are plain text; each writer escapes them for its format.
/// </summary>
/// <param name="Title">The section heading.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Cells, one list per row, as many as <paramref name="Columns"/>.</param>
/// <param name="RightAligned">Which columns hold numbers.</param>
/// <param name="Note">A sentence shown under the heading, or empty.</param>
public sealed record ReportTable(
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<bool> RightAligned,
    string Note = "")
{
    /// <summary>A table whose first <paramref name="textColumns"/> columns are text and the rest numbers.</summary>
    internal static ReportTable Of(string title, int textColumns, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows, string note = "") =>
        new(title, columns, [.. rows], [.. columns.Select((_, i) => i >= textColumns)], note);
}
