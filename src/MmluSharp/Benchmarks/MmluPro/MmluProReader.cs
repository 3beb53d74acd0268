using System.Globalization;
using MmluSharp.Datasets;
using Parquet.Serialization;

namespace MmluSharp.Benchmarks.MmluPro;

/// <summary>
/// Reads the <c>TIGER-Lab/MMLU-Pro</c> parquet files (<c>&lt;root&gt;/parquet/{split}-00000-of-00001.parquet</c>, or the
/// same name directly in <c>&lt;root&gt;</c>): columns <c>question_id, question, options, answer, answer_index,
/// cot_content, category, src</c>. Options equal to <c>N/A</c> are dropped, as TIGER-Lab's <c>preprocess</c> does
/// (only validation pads with them). The gold option is the <c>answer</c> letter, which TIGER-Lab's
/// <c>evaluate_from_local.py</c> (<c>pred == answer</c>) and lm-evaluation-harness' <c>mmlu_pro</c>
/// (<c>doc_to_target: answer</c>) score against; rows where <c>answer_index</c> disagrees are kept and flagged.
/// </summary>
internal static class MmluProReader
{
    /// <summary>The padding option TIGER-Lab removes.</summary>
    public const string Padding = "N/A";

    /// <summary>The parquet file of <paramref name="split"/> under <paramref name="root"/>.</summary>
    public static string FileOf(string root, string split)
    {
        var name = split + "-00000-of-00001.parquet";
        var nested = Path.Combine(root, "parquet", name);
        return File.Exists(nested) ? nested : File.Exists(Path.Combine(root, name)) ? Path.Combine(root, name) : nested;
    }

    /// <summary>All rows of a split in file order.</summary>
    /// <exception cref="DatasetException">The file is missing, unreadable, or a row is incomplete or out of range.</exception>
    public static IReadOnlyList<MmluProRecord> Read(string root, string split)
    {
        var path = FileOf(root, split);
        if (!File.Exists(path))
        {
            throw DatasetException.At(path, 0, "MMLU-Pro parquet file not found");
        }

        IList<MmluProRow> rows;
        try
        {
            using var stream = File.OpenRead(path);
            rows = ParquetSerializer.DeserializeAsync<MmluProRow>(stream).GetAwaiter().GetResult().Data;
        }
        catch (Exception e) when (e is not DatasetException)
        {
            throw new DatasetException($"{path}: not a readable MMLU-Pro parquet file: {e.Message}", e);
        }

        var perCategory = new Dictionary<string, int>(StringComparer.Ordinal);
        var records = new MmluProRecord[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            records[i] = ToRecord(rows[i], path, split, i, perCategory);
        }

        return records;
    }

    /// <summary>The subject key of a category: spaces become underscores (<c>computer_science</c>).</summary>
    public static string SubjectOf(string category) => category.Replace(' ', '_');

    private static MmluProRecord ToRecord(MmluProRow row, string path, string split, int rowIndex, Dictionary<string, int> perCategory)
    {
        if (row.QuestionId is not long id || row.Question is null || row.Options is null || row.Answer is null
            || row.AnswerIndex is not long answerIndex || row.Category is null || row.Options.Any(o => o is null))
        {
            throw Bad(path, rowIndex, "a null question_id, question, options, answer, answer_index or category");
        }

        var options = row.Options.Select(o => o!).ToList();
        var gold = Letters.IndexOf(row.Answer);
        if (options.Count is < 2 or > 16 || gold < 0 || gold >= options.Count || answerIndex < 0 || answerIndex >= options.Count)
        {
            throw Bad(path, rowIndex, string.Create(CultureInfo.InvariantCulture,
                $"question_id {id}: answer '{row.Answer}' / answer_index {answerIndex} do not fit its {options.Count} options"));
        }

        if (options[gold] == Padding)
        {
            throw Bad(path, rowIndex, string.Create(CultureInfo.InvariantCulture, $"question_id {id}: the answer is the padding option N/A"));
        }

        var kept = options.Where(o => o != Padding).ToArray();
        var keptGold = gold - options.Take(gold).Count(o => o == Padding);
        var subject = SubjectOf(row.Category);
        var index = perCategory.GetValueOrDefault(subject);
        perCategory[subject] = index + 1;
        var question = new Question(MmluProCatalogue.Benchmark, subject, split, index, row.Question, kept, keptGold);
        return new MmluProRecord(question, id, row.Category, row.CotContent ?? string.Empty, row.Answer, (int)answerIndex, options.AsReadOnly());
    }

    private static DatasetException Bad(string path, int row, string problem) =>
        DatasetException.At(path, 0, string.Create(CultureInfo.InvariantCulture, $"row {row + 1}: {problem}"));
}
