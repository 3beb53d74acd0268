namespace MmluSharp.Benchmarks.MmluRedux;

/// <summary>One subject's MMLU-Redux file as read.</summary>
/// <param name="Subject">The MMLU subject key, e.g. <c>anatomy</c>.</param>
/// <param name="Path">The file.</param>
/// <param name="Delimiter">The field delimiter found in its header (<c>,</c> or <c>;</c>).</param>
/// <param name="Rows">Its rows in file order.</param>
/// <param name="Notes">What a reader should know about the file, e.g. a byte that is not UTF-8.</param>
internal sealed record ReduxFile(
    string Subject,
    string Path,
    char Delimiter,
    IReadOnlyList<ReduxRow> Rows,
    IReadOnlyList<string> Notes);
