namespace MmluSharp.Reports;

/// <summary>Writes text reports to files, each atomically (a temporary file renamed into place), UTF-8 without BOM.</summary>
internal static class ReportFiles
{
    /// <summary>Writes what <paramref name="write"/> writes to <paramref name="path"/>.</summary>
    internal static void WriteText(string path, Action<TextWriter> write) => IO.AtomicFile.WriteText(path, write);
}
