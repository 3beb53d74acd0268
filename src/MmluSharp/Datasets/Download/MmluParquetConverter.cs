namespace MmluSharp.Datasets.Download;

/// <summary>Turns a <c>cais/mmlu</c> parquet file into the original layout's <c>&lt;split&gt;/&lt;subject&gt;_&lt;split&gt;.csv</c> files.</summary>
internal static class MmluParquetConverter
{
    /// <summary>Converts <paramref name="parquet"/> into <paramref name="root"/>/<paramref name="split"/>/.</summary>
    /// <returns>The subjects written, ordinal-sorted.</returns>
    /// <exception cref="DatasetException">An unreadable file, a bad row, or a subject that is not a plain file name.</exception>
    public static async Task<IReadOnlyList<string>> ConvertAsync(string parquet, string split, string root, CancellationToken ct)
    {
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

            MmluCsvWriter.Write(Path.Combine(folder, $"{group.Key}_{split}.csv"), group);
            subjects.Add(group.Key);
        }

        subjects.Sort(StringComparer.Ordinal);
        return subjects;
    }
}
