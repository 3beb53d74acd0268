namespace MmluSharp.IO;

/// <summary>
/// The one way mmlu grows a file line by line (<c>samples.jsonl</c>): each append reaches the operating system
/// before it returns, and an append that fails (a full disk) is cut back so the file ends where it ended before.
/// The path is resolved as every output is (<see cref="OutputPath"/>): a link is followed, a special file refused.
/// </summary>
internal sealed class AppendFile : IDisposable
{
    private readonly FileStream stream;

    private AppendFile(string path, FileStream stream)
    {
        Path = path;
        this.stream = stream;
    }

    /// <summary>The path as given, for messages.</summary>
    public string Path { get; }

    /// <summary>The file's length in bytes.</summary>
    public long Length => stream.Length;

    /// <summary>Opens (or creates) the file for reading what it holds and appending to it.</summary>
    /// <exception cref="OutputFileException">The path is not a regular file.</exception>
    public static AppendFile Open(string path)
    {
        var target = OutputPath.Resolve(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);

        // No buffer of our own: every byte written is with the operating system, or the write failed.
        var stream = new FileStream(target, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        return new AppendFile(path, stream);
    }

    /// <summary>Everything the file holds.</summary>
    public byte[] ReadAll()
    {
        var bytes = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Cuts the file to <paramref name="length"/> bytes; appends continue from there.</summary>
    public void Truncate(long length)
    {
        stream.SetLength(length);
        stream.Position = length;
    }

    /// <summary>Appends <paramref name="bytes"/>, all of them or none.</summary>
    /// <param name="bytes">What to append.</param>
    /// <param name="kept">Says what the file still holds if the append fails, e.g. <c>the 120 samples scored before are kept</c>.</param>
    /// <exception cref="OutputFileException">The write failed; the file is back to its length before the call.</exception>
    public void Append(ReadOnlySpan<byte> bytes, string kept)
    {
        var before = stream.Length;
        try
        {
            stream.Position = before;
            stream.Write(bytes);
        }
        catch (IOException e)
        {
            try
            {
                Truncate(before);
            }
            catch (IOException)
            {
                // The line stays torn; the next open drops a last line without its newline.
            }

            throw AtomicFile.Failed(Path, e, kept);
        }
    }

    public void Dispose() => stream.Dispose();
}
