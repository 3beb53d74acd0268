using System.Globalization;
using Parquet.Serialization;

namespace MmluSharp.Datasets;

/// <summary>
/// Reads Hugging Face <c>cais/mmlu</c> parquet files: columns <c>question</c> (string), <c>subject</c> (string),
/// <c>choices</c> (list of 4 strings) and <c>answer</c> (int64, 0–3).
/// </summary>
public static class HfParquetReader
{
    /// <summary>
    /// All rows in file order, as questions of benchmark <c>mmlu</c>; <see cref="Question.Index"/> counts rows
    /// within each subject in file order.
    /// </summary>
    /// <param name="path">The parquet file.</param>
    /// <param name="split">The split the file holds (HF names it in the file name, e.g. <c>test</c>).</param>
    /// <param name="ct">Cancels the read.</param>
    /// <exception cref="DatasetException">The file is missing, unreadable, or a row is incomplete or out of range.</exception>
    public static async Task<IReadOnlyList<Question>> ReadAsync(string path, string split, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(split);
        if (!File.Exists(path))
        {
            throw DatasetException.At(path, 0, "file not found");
        }

        IList<HfMmluRow> rows;
        try
        {
            await using var stream = File.OpenRead(path);
            rows = (await ParquetSerializer.DeserializeAsync<HfMmluRow>(stream, cancellationToken: ct).ConfigureAwait(false)).Data;
        }
        catch (Exception e) when (e is not OperationCanceledException and not DatasetException)
        {
            throw new DatasetException($"{path}: not a readable cais/mmlu parquet file: {e.Message}", e);
        }

        var perSubject = new Dictionary<string, int>(StringComparer.Ordinal);
        var questions = new Question[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Question is null || row.Subject is null || row.Choices is null || row.Answer is null)
            {
                throw Bad(path, i, "a null question, subject, choices or answer");
            }

            if (row.Choices.Count != 4 || row.Choices.Any(c => c is null))
            {
                throw Bad(path, i, string.Create(CultureInfo.InvariantCulture, $"expected 4 non-null choices, found {row.Choices.Count}"));
            }

            if (row.Answer is not (>= 0 and <= 3))
            {
                throw Bad(path, i, string.Create(CultureInfo.InvariantCulture, $"answer must be 0-3, found {row.Answer}"));
            }

            var index = perSubject.GetValueOrDefault(row.Subject);
            perSubject[row.Subject] = index + 1;
            questions[i] = new Question(MmluDirectory.Benchmark, row.Subject, split, index, row.Question, [.. row.Choices.Select(c => c!)], (int)row.Answer);
        }

        return questions;
    }

    private static DatasetException Bad(string path, int row, string problem) =>
        DatasetException.At(path, 0, string.Create(CultureInfo.InvariantCulture, $"row {row + 1}: {problem}"));
}
