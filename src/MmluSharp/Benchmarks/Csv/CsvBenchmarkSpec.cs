namespace MmluSharp.Benchmarks.Csv;

/// <summary>
/// A benchmark's spec file (JSON, snake_case), read by <see cref="CsvBenchmark.Load"/>: its questions are CSV files in
/// MMLU's layout and its prompts MMLU's.
/// </summary>
/// <param name="Name">The name in options, on the command line and in results: lower-case letters, digits, <c>-</c> and <c>_</c>.</param>
/// <param name="Title">For report titles; null: the name.</param>
/// <param name="Data">The data folder, relative to the spec file: <c>&lt;split&gt;/&lt;subject&gt;_&lt;split&gt;.csv</c>.</param>
/// <param name="Splits">The splits it has; null: <c>test</c> and <c>dev</c>.</param>
/// <param name="FewShotSplit">Where the shots come from (the first rows of each subject); null: <c>dev</c>.</param>
/// <param name="Header">The header of each prompt with <c>{subject}</c> for the subject's words; null: MMLU's.</param>
/// <param name="Categories">Subject → category for the results; a subject not listed is in <c>other</c>.</param>
internal sealed record CsvBenchmarkSpec(
    string? Name,
    string? Title,
    string? Data,
    IReadOnlyList<string>? Splits,
    string? FewShotSplit,
    string? Header,
    IReadOnlyDictionary<string, string>? Categories);
