namespace MmluSharp.Datasets.Download;

/// <summary>
/// <c>.mmlu-install.json</c> in a dataset folder while files are being put in place: every file mmlu wrote or is
/// about to write there, so an install cut short can be finished or replaced by <c>--force</c> without touching
/// anything else. Deleted once the manifest is written.
/// </summary>
/// <param name="Files">Relative, <c>/</c>-separated paths.</param>
internal sealed record InstallJournal(IReadOnlyList<string> Files)
{
    public const string FileName = ".mmlu-install.json";

    /// <summary>The journal of <paramref name="folder"/>, or null when it has none (or an unreadable one).</summary>
    public static InstallJournal? TryRead(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            using var stream = File.OpenRead(path);
            return System.Text.Json.JsonSerializer.Deserialize<InstallJournal>(stream, IO.JsonFiles.Options);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void WriteTo(string folder) => IO.JsonFiles.Write(Path.Combine(folder, FileName), this);

    public static void Delete(string folder) => File.Delete(Path.Combine(folder, FileName));
}
