using System.Globalization;
using MmluSharp.Datasets;

namespace MmluSharp.Benchmarks.Cmmlu;

/// <summary>
/// A CMMLU folder as haonan-li/CMMLU ships it: <c>&lt;root&gt;/{dev,test}/&lt;subject&gt;.csv</c>, each with the header
/// row <c>,Question,A,B,C,D,Answer</c> and rows whose first field is the 0-based row index. Strict RFC 4180; the
/// fields are kept exactly (pandas, which the authors read with, keeps them too: the only column it would parse as
/// numbers, dev <c>college_actuarial_science</c> A–D, prints back to the same text).
/// </summary>
internal sealed class CmmluDirectory
{
    private static readonly string[] Header = ["", "Question", "A", "B", "C", "D", "Answer"];

    /// <summary>Opens a CMMLU folder.</summary>
    /// <exception cref="DatasetException">The folder does not exist.</exception>
    public CmmluDirectory(string root) =>
        Root = DatasetException.RequireFolder(root, "CMMLU folder not found (expected dev/ and test/ with <subject>.csv)");

    /// <summary>The folder this reads from.</summary>
    public string Root { get; }

    /// <summary>The path of a subject's file in a split.</summary>
    public string FileOf(string split, string subject) => Path.Combine(Root, split, subject + ".csv");

    /// <summary>The subjects with a file in <paramref name="split"/>, ordinal-sorted (as the authors' <c>sorted(os.listdir)</c>).</summary>
    /// <exception cref="DatasetException">The split folder does not exist.</exception>
    public IReadOnlyList<string> Subjects(string split)
    {
        var folder = Path.Combine(Root, split);
        if (!Directory.Exists(folder))
        {
            throw DatasetException.At(folder, 0, DataFile.WhyMissing(folder, $"CMMLU split folder '{split}' not found"));
        }

        return [.. Directory.EnumerateFiles(folder, "*.csv").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];
    }

    /// <summary>All questions of a subject in a split, in file order.</summary>
    /// <exception cref="DatasetException">The file is missing or malformed; the message names file and line.</exception>
    public IReadOnlyList<Question> Read(string split, string subject)
    {
        var path = FileOf(split, subject);
        if (!File.Exists(path))
        {
            throw DatasetException.At(path, 0, "file not found");
        }

        var records = CsvParser.ReadFile(path);
        if (records.Count == 0 || !records[0].Fields.SequenceEqual(Header, StringComparer.Ordinal))
        {
            throw DatasetException.At(path, 1, "expected the header row ,Question,A,B,C,D,Answer");
        }

        var questions = new Question[records.Count - 1];
        for (var i = 0; i < questions.Length; i++)
        {
            questions[i] = ToQuestion(records[i + 1], path, split, subject, i);
        }

        return questions;
    }

    private static Question ToQuestion(CsvRecord record, string path, string split, string subject, int index)
    {
        var f = record.Fields;
        if (f.Count != 7)
        {
            throw DatasetException.At(path, record.Line, string.Create(CultureInfo.InvariantCulture, $"expected 7 fields (index,Question,A,B,C,D,Answer), found {f.Count}"));
        }

        if (f[0] != index.ToString(CultureInfo.InvariantCulture))
        {
            throw DatasetException.At(path, record.Line, string.Create(CultureInfo.InvariantCulture, $"row index '{f[0]}' should be {index}"));
        }

        var answer = Letters.IndexOf(f[6]);
        if (answer is < 0 or > 3)
        {
            throw DatasetException.At(path, record.Line, $"answer '{f[6]}' is not a letter A–D");
        }

        return new Question(CmmluCatalogue.Benchmark, subject, split, index, f[1], [f[2], f[3], f[4], f[5]], answer);
    }
}
