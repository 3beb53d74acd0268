namespace MmluSharp.Datasets;

/// <summary>One CSV record: its fields, exactly as written, and the 1-based physical line it starts on.</summary>
/// <param name="Line">1-based physical line of the record's first character.</param>
/// <param name="Fields">The fields, unquoted and unescaped, otherwise untouched.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
