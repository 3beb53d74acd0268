using System.Globalization;

namespace MmluSharp.Datasets;

/// <summary>
/// An MMLU folder as shipped in <c>data.tar</c>: <c>&lt;root&gt;/&lt;split&gt;/&lt;subject&gt;_&lt;split&gt;.csv</c>,
/// headerless rows <c>question,A,B,C,D,answer</c> with the answer a letter A–D. Fields are kept exactly; a quote
/// inside an unquoted field is kept as a literal character (as pandas reads it), everything else is strict RFC 4180.
/// </summary>
public sealed class MmluDirectory
{
    /// <summary>The benchmark name questions read from here carry.</summary>
    internal const string Benchmark = "mmlu";

    private static readonly string[] KnownSplits = ["dev", "val", "test"];

    private readonly string benchmark;
    private readonly bool anyOptionCount;

    /// <summary>Opens an MMLU folder.</summary>
    /// <param name="root">The folder holding <c>dev</c>, <c>val</c> and/or <c>test</c>.</param>
    /// <exception cref="DatasetException">The folder does not exist.</exception>
    public MmluDirectory(string root)
        : this(root, Benchmark, anyOptionCount: false)
    {
    }

    /// <summary>
    /// A folder in MMLU's layout for another benchmark, whose rows may have 2 to 26 options
    /// (<c>question,A,B,…,answer</c>) when <paramref name="anyOptionCount"/>.
    /// </summary>
    internal MmluDirectory(string root, string benchmark, bool anyOptionCount)
    {
        Root = DatasetException.RequireFolder(root, $"{(benchmark == Benchmark ? "MMLU" : benchmark)} folder not found");
        this.benchmark = benchmark;
        this.anyOptionCount = anyOptionCount;
    }

    /// <summary>The folder this reads from.</summary>
    public string Root { get; }

    /// <summary>Which of <c>dev</c>, <c>val</c>, <c>test</c> exist, in that order.</summary>
    public IReadOnlyList<string> Splits => [.. KnownSplits.Where(split => Directory.Exists(Path.Combine(Root, split)))];

    /// <summary>The subjects that have a file in <paramref name="split"/>, ordinal-sorted.</summary>
    /// <exception cref="DatasetException">The split folder does not exist.</exception>
    public IReadOnlyList<string> Subjects(string split)
    {
        var folder = SplitFolder(split);
        var suffix = $"_{split}.csv";
        var subjects = Directory.EnumerateFiles(folder, "*" + suffix)
            .Select(Path.GetFileName)
            .Where(name => name!.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            .Select(name => name![..^suffix.Length])
            .ToList();
        subjects.Sort(StringComparer.Ordinal);
        return subjects;
    }

    /// <summary>The path of a subject's file (whether or not it exists).</summary>
    internal string FileOf(string split, string subject) => Path.Combine(Root, split, $"{subject}_{split}.csv");

    /// <summary>All questions of one subject in one split, in file order.</summary>
    /// <exception cref="DatasetException">The file is missing, empty or malformed; the message names file and line.</exception>
    public IReadOnlyList<Question> Read(string split, string subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var path = FileOf(split, subject);
        var bytes = DataFile.ReadAllBytes(path);

        // Bare quotes: the final val split has one (college_medicine, line 6); pandas keeps it as a literal quote.
        var records = CsvParser.Parse(bytes, path, allowBareQuotes: true);
        if (records.Count == 0)
        {
            throw DatasetException.At(path, 1, "empty file (expected rows question,A,B,C,D,answer)");
        }

        var questions = new Question[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            questions[i] = ToQuestion(records[i], path, split, subject, i);
        }

        return questions;
    }

    /// <summary>
    /// The questions of several subjects (all when <paramref name="subjects"/> is null): subjects in ordinal order,
    /// rows in file order. Files are read in parallel; the result and the error reported are deterministic.
    /// </summary>
    /// <exception cref="DatasetException">A requested subject has no file, or a file is malformed.</exception>
    public IReadOnlyList<Question> ReadSplit(string split, IReadOnlyCollection<string>? subjects = null)
    {
        var chosen = SubjectSelection.Choose(Subjects(split), subjects, SplitFolder(split), $" for split '{split}'");

        var parts = new IReadOnlyList<Question>[chosen.Count];
        var errors = new DatasetException?[chosen.Count];
        Parallel.For(0, chosen.Count, i =>
        {
            try
            {
                parts[i] = Read(split, chosen[i]);
            }
            catch (DatasetException e)
            {
                errors[i] = e;
            }
        });

        if (Array.Find(errors, e => e is not null) is { } first)
        {
            throw first;
        }

        var all = new List<Question>(parts.Sum(p => p.Count));
        foreach (var part in parts)
        {
            all.AddRange(part);
        }

        return all;
    }

    private string SplitFolder(string split)
    {
        ArgumentException.ThrowIfNullOrEmpty(split);
        var folder = Path.Combine(Root, split);
        if (!Directory.Exists(folder))
        {
            throw DatasetException.At(folder, 0, DataFile.WhyMissing(folder, $"split folder '{split}' not found"));
        }

        return folder;
    }

    private Question ToQuestion(CsvRecord record, string path, string split, string subject, int index)
    {
        var f = record.Fields;
        if (anyOptionCount ? f.Count is < 4 or > 28 : f.Count != 6)
        {
            var expected = anyOptionCount ? "4 to 28 fields (question, 2 to 26 options, answer)" : "6 fields (question,A,B,C,D,answer)";
            throw DatasetException.At(path, record.Line, string.Create(CultureInfo.InvariantCulture, $"expected {expected}, found {f.Count}"));
        }

        var letters = Letters.First(f.Count - 2);
        var answer = Letters.IndexOf(f[^1]);
        if (answer < 0 || answer >= letters.Count)
        {
            var choices = string.Join(", ", letters.Take(letters.Count - 1)) + " or " + letters[^1];
            throw DatasetException.At(path, record.Line, $"answer must be {choices}, found '{f[^1]}'");
        }

        return new Question(benchmark, subject, split, index, f[0], [.. f.Skip(1).Take(f.Count - 2)], answer);
    }
}
