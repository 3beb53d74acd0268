using System.Globalization;
using MmluSharp.IO;

namespace MmluSharp.Results;

/// <summary>
/// <c>samples.jsonl</c> as an append-only log: each sample is handed to the operating system as it completes, so a
/// run killed at any point keeps everything already scored. Opening drops a torn last line (a write cut by
/// <c>kill -9</c>); an append that fails (a full disk) leaves the file as it was before it.
/// </summary>
internal sealed class SampleLog : IDisposable
{
    private readonly string path;
    private AppendFile file;
    private List<Sample> existing;
    private int count;

    private SampleLog(string path, AppendFile file, List<Sample> existing)
    {
        this.path = path;
        this.file = file;
        this.existing = existing;
        count = existing.Count;
    }

    /// <summary>The samples in the file when it was opened (or after <see cref="Retain"/>), in file order.</summary>
    public IReadOnlyList<Sample> Existing => existing;

    /// <summary>Opens (or creates) the log at <paramref name="path"/> and reads what it holds.</summary>
    /// <exception cref="InvalidDataException">A complete line is not a sample.</exception>
    /// <exception cref="OutputFileException">The path is not a regular file.</exception>
    public static SampleLog Open(string path)
    {
        var file = AppendFile.Open(path);
        try
        {
            var existing = ParseComplete(file.ReadAll(), path, out var good);
            file.Truncate(good);
            return new SampleLog(path, file, existing);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Appends samples, all of them or none, and hands them to the operating system. Every line is serialised before
    /// the first byte is written, so a sample that cannot be written (<see cref="InvalidDataException"/>) appends nothing.
    /// </summary>
    /// <exception cref="OutputFileException">The write failed (a full disk); the file still holds every sample before these.</exception>
    public void Append(IEnumerable<Sample> samples)
    {
        using var buffer = new MemoryStream();
        var added = 0;
        foreach (var sample in samples)
        {
            SampleJson.Write(buffer, sample);
            added++;
        }

        file.Append(
            buffer.GetBuffer().AsSpan(0, (int)buffer.Length),
            string.Create(CultureInfo.InvariantCulture, $"the {count} samples scored before are kept: free space and run the same command to continue"));
        count += added;
    }

    /// <summary>Keeps only the samples <paramref name="keep"/> accepts: the file is rewritten (atomically) without the others.</summary>
    public void Retain(Func<Sample, bool> keep)
    {
        var kept = existing.Where(keep).ToList();
        file.Dispose();
        Rewrite(path, kept);
        file = AppendFile.Open(path);
        existing = kept;
        count = kept.Count;
    }

    /// <summary>Writes <paramref name="samples"/> in their given order to <paramref name="path"/>, atomically.</summary>
    public static void Rewrite(string path, IEnumerable<Sample> samples) => AtomicFile.Write(path, output =>
    {
        foreach (var sample in samples)
        {
            SampleJson.Write(output, sample);
        }
    });

    /// <summary>Reads every complete sample of a <c>samples.jsonl</c> without changing the file.</summary>
    public static IReadOnlyList<Sample> ReadAll(string path) => ParseComplete(File.ReadAllBytes(path), path, out _);

    /// <summary>
    /// The samples of every complete line. A write cut by a kill can only leave a last line without its newline,
    /// which is left out (<paramref name="goodLength"/> ends before it); a complete line that is not a sample is
    /// damage, and is reported rather than dropped with everything after it.
    /// </summary>
    /// <exception cref="InvalidDataException">A complete line is not a sample.</exception>
    private static List<Sample> ParseComplete(byte[] bytes, string path, out int goodLength)
    {
        var samples = new List<Sample>();
        goodLength = 0;
        while (goodLength < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', goodLength);
            if (end < 0)
            {
                break;
            }

            try
            {
                samples.Add(SampleJson.Parse(bytes.AsSpan(goodLength, end - goodLength)));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException(
                    $"{path}:{samples.Count + 1}: not a sample ({e.Message}); repair or delete that line, or start the run in a new folder.", e);
            }

            goodLength = end + 1;
        }

        return samples;
    }

    public void Dispose() => file.Dispose();
}
