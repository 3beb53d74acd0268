using System.Text;

namespace MmluSharp.IO;

/// <summary>
/// The one way mmlu writes a whole file: the content goes to a temporary file beside the destination, is flushed to
/// the device, and only then replaces the destination by a rename. A failure, a full disk or a kill leaves the
/// previous file (or none), never half of one. Paths are resolved by <see cref="OutputPath"/>: links are written
/// through, special files refused.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes what <paramref name="write"/> puts in the stream to <paramref name="path"/>, whole or not at all.</summary>
    /// <exception cref="OutputFileException">The path is not a regular file, or the write failed (the previous file is kept).</exception>
    public static void Write(string path, Action<Stream> write)
    {
        var target = OutputPath.Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var existed = File.Exists(target);

        // One temporary name per process: two processes writing the same file each rename a complete one.
        var temp = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{target}.{Environment.ProcessId}.tmp");
        try
        {
            // A leftover of a killed process with the same id is unlinked, never followed (it could be a link or a FIFO).
            File.Delete(temp);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch (IOException e) when (e is not OutputFileException)
        {
            throw Failed(path, e, existed ? "the previous file is kept unchanged" : "nothing was written");
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>One line for a write that failed: the path, why, and what is left of the file.</summary>
    internal static OutputFileException Failed(string path, IOException e, string kept) =>
        Errno.IsOutOfSpace(e)
            ? new OutputFileException($"{path}: no space left on the device; {kept}.", e)
            : new OutputFileException($"{path}: could not be written ({e.Message}); {kept}.", e);

    /// <summary>UTF-8 text without a byte-order mark, <c>\n</c> line ends.</summary>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    });
}
