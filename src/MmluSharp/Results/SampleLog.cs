namespace MmluSharp.Results;

/// <summary>
/// <c>samples.jsonl</c> as an append-only log: each sample is flushed as it completes, so a run killed at any
/// point keeps everything already scored. Opening drops a torn last line (a write cut by <c>kill -9</c>).
/// </summary>
public sealed class SampleLog : IDisposable
{
    private readonly FileStream stream;

    private SampleLog(FileStream stream, List<Sample> existing)
    {
        this.stream = stream;
        Existing = existing;
    }

    /// <summary>The samples already in the file when it was opened.</summary>
    public IReadOnlyList<Sample> Existing { get; }

    /// <summary>Opens (or creates) the log at <paramref name="path"/> and reads what it holds.</summary>
    public static SampleLog Open(string path)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var existing = ParseComplete(bytes, path, out var good);
        stream.SetLength(good);
        stream.Position = good;
        return new SampleLog(stream, existing);
    }

    /// <summary>Appends samples and flushes them to the operating system.</summary>
    public void Append(IEnumerable<Sample> samples)
    {
        foreach (var sample in samples)
        {
            SampleJson.Write(stream, sample);
        }

        stream.Flush();
    }

    /// <summary>Writes <paramref name="samples"/> in their given order to <paramref name="path"/>, atomically.</summary>
    public static void Rewrite(string path, IEnumerable<Sample> samples) => IO.AtomicFile.Write(path, output =>
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

    public void Dispose() => stream.Dispose();
}
