using Parquet;

namespace MmluSharp.Datasets.Download;

/// <summary>Turns a <c>cais/mmlu</c> parquet file into the original layout's <c>&lt;split&gt;/&lt;subject&gt;_&lt;split&gt;.csv</c> files.</summary>
internal static class MmluParquetConverter
{
    /// <summary>Converts <paramref name="parquet"/> into <paramref name="root"/>/<paramref name="split"/>/.</summary>
    /// <param name="parquet">The downloaded file.</param>
    /// <param name="split">The folder it becomes.</param>
    /// <param name="root">The dataset folder being built.</param>
    /// <param name="budget">How much it may unpack to: its declared size is checked before it is read, its CSV as it is written.</param>
    /// <param name="ct">Cancels the conversion.</param>
    /// <returns>The subjects written, ordinal-sorted.</returns>
    /// <exception cref="DatasetException">An unreadable file, a bad row, a subject that is not a plain file name, or too much data.</exception>
    public static async Task<IReadOnlyList<string>> ConvertAsync(string parquet, string split, string root, UnpackBudget budget, CancellationToken ct)
    {
        budget.EnsureRoom(await DeclaredSizeAsync(parquet, ct).ConfigureAwait(false));
        var questions = await HfParquetReader.ReadAsync(parquet, split, ct).ConfigureAwait(false);
        var folder = Path.Combine(root, split);
        Directory.CreateDirectory(folder);
        var subjects = new List<string>();
        foreach (var group in questions.GroupBy(q => q.Subject, StringComparer.Ordinal))
        {
            if (group.Key.Length == 0 || !group.Key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                throw DatasetException.At(parquet, 0, $"subject '{group.Key}' is not a plain name (a-z, 0-9, _)");
            }

            using (var csv = budget.Create(Path.Combine(folder, $"{group.Key}_{split}.csv")))
            {
                MmluCsvWriter.Write(csv, group);
            }

            subjects.Add(group.Key);
        }

        subjects.Sort(StringComparer.Ordinal);
        return subjects;
    }

    // The uncompressed size the footer declares for all column chunks; 0 when it cannot be read (the reader then says why).
    private static async Task<long> DeclaredSizeAsync(string parquet, CancellationToken ct)
    {
        try
        {
            await using var stream = File.OpenRead(parquet);
            await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct).ConfigureAwait(false);
            return reader.Metadata?.RowGroups.Sum(g => g.Columns.Sum(c => c.MetaData?.TotalUncompressedSize ?? 0)) ?? 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return 0;
        }
    }
}
