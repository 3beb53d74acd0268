using System.Globalization;
using System.Text;
using MmluSharp.Datasets;

namespace MmluSharp.Benchmarks.MmluRedux;

/// <summary>
/// Reads one raw MMLU-Redux annotation file (<c>mmlu_&lt;subject&gt;.csv</c> of aryopg/mmlu-redux): comma- or
/// semicolon-delimited (whichever the header line uses), columns found by header name in any order, extra unnamed
/// columns ignored. <c>choices</c> is a Python list literal, <c>answer</c> MMLU's gold as 0–3. A byte that is not
/// UTF-8 is read as Mac Roman and reported in <see cref="ReduxFile.Notes"/>; other malformations are
/// <see cref="DatasetException"/>s naming file and line.
/// </summary>
internal static class ReduxReader
{
    /// <summary>The benchmark name the questions carry.</summary>
    public const string Benchmark = "mmlu-redux";

    /// <summary>The only split MMLU-Redux has.</summary>
    public const string Split = "test";

    private static readonly string[] Required = ["question", "choices", "answer", "error_type", "correct_answer"];

    /// <summary>
    /// Mac Roman (code page 10000): the one stray byte in the shipped files, 0xD5 in
    /// <c>mmlu_moral_scenarios.csv</c> ("sister\xD5s"), is Mac Roman's right single quote, the character MMLU has there.
    /// </summary>
    private static readonly Encoding Fallback = CodePagesEncodingProvider.Instance.GetEncoding(10000)
        ?? throw new InvalidOperationException("Mac Roman (code page 10000) is not available.");

    /// <summary>Reads the file at <paramref name="path"/> as the questions of <paramref name="subject"/>.</summary>
    /// <exception cref="DatasetException">The file is missing or malformed.</exception>
    public static ReduxFile Read(string path, string subject)
    {
        return Parse(DataFile.ReadAllBytes(path), path, subject);
    }

    /// <summary>Parses a file's bytes; <paramref name="path"/> names it in errors and notes.</summary>
    /// <exception cref="DatasetException">The data is malformed.</exception>
    public static ReduxFile Parse(ReadOnlySpan<byte> data, string path, string subject)
    {
        var delimiter = DetectDelimiter(data);
        var records = CsvParser.ParseLenient(data, path, Fallback, out var replaced, delimiter);
        if (records.Count == 0)
        {
            throw DatasetException.At(path, 1, "empty file (expected a header row naming question, choices, answer, error_type, correct_answer)");
        }

        var columns = Columns(records[0], path);
        var rows = new List<ReduxRow>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields is [""])
            {
                continue; // a blank line, as Python's csv skips it
            }

            rows.Add(ToRow(record, columns, records[0].Fields.Count, path, subject, rows.Count));
        }

        var notes = replaced.Select(r => Note(r, path, rows)).ToList();
        return new ReduxFile(subject, path, delimiter, rows, notes);
    }

    /// <summary><c>;</c> when the header line has more semicolons than commas, else <c>,</c>.</summary>
    internal static char DetectDelimiter(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOf((byte)'\n');
        var header = end < 0 ? data : data[..end];
        return header.Count((byte)';') > header.Count((byte)',') ? ';' : ',';
    }

    private static Dictionary<string, int> Columns(CsvRecord header, string path)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                throw DatasetException.At(path, header.Line, $"the header names column '{name}' twice");
            }
        }

        var missing = Required.Where(name => !columns.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw DatasetException.At(path, header.Line, $"the header has no column {string.Join(", ", missing)} (found: {string.Join(", ", header.Fields)})");
        }

        return columns;
    }

    private static ReduxRow ToRow(CsvRecord record, Dictionary<string, int> columns, int width, string path, string subject, int index)
    {
        var f = record.Fields;
        if (f.Count != width)
        {
            throw DatasetException.At(path, record.Line, string.Create(
                CultureInfo.InvariantCulture, $"expected {width} fields as in the header, found {f.Count}"));
        }

        string Field(string name) => columns.TryGetValue(name, out var i) ? f[i] : "";

        IReadOnlyList<string> choices;
        try
        {
            choices = PythonListLiteral.Parse(Field("choices"));
        }
        catch (FormatException e)
        {
            throw DatasetException.At(path, record.Line, e.Message);
        }

        if (choices.Count is < 2 or > 26)
        {
            throw DatasetException.At(path, record.Line, string.Create(CultureInfo.InvariantCulture, $"choices has {choices.Count} options (expected 2 to 26)"));
        }

        var answerText = Field("answer").Trim();
        if (answerText.Length != 1 || answerText[0] < '0' || answerText[0] - '0' >= choices.Count)
        {
            throw DatasetException.At(path, record.Line, string.Create(
                CultureInfo.InvariantCulture, $"answer must be an option index 0–{choices.Count - 1}, found '{Field("answer")}'"));
        }

        var rawErrorType = Field("error_type");
        var errorType = ReduxErrorTypes.Normalise(rawErrorType);
        if (errorType.Length == 0)
        {
            throw DatasetException.At(path, record.Line, "error_type is empty");
        }

        var correctText = Field("correct_answer");
        var question = new Question(Benchmark, subject, Split, index, Field("question"), choices, answerText[0] - '0');
        return new ReduxRow(
            question,
            record.Line,
            errorType,
            rawErrorType,
            correctText,
            ReduxCorrectAnswer.Parse(correctText, choices.Count),
            Field("source"),
            Field("potential_reason"));
    }

    private static string Note(CsvParser.ReplacedByte replaced, string path, List<ReduxRow> rows)
    {
        var row = rows.LastOrDefault(r => r.Line <= replaced.Line);
        var where = row is null ? "the header" : string.Create(CultureInfo.InvariantCulture, $"row {row.Question.Index}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)}: line {replaced.Line}, byte offset {replaced.Offset} ({where}): byte 0x{replaced.Value:X2} is not UTF-8; read as Mac Roman '{replaced.DecodedAs}' (U+{(int)replaced.DecodedAs[0]:X4})");
    }
}
