namespace MmluSharp.IO;

/// <summary>
/// How every file is written, by the library and by tools on it: whole or not at all (a temporary file beside the
/// destination, flushed, then renamed over it), through links to regular files, never into FIFOs or devices. A failed
/// write leaves the previous file.
/// </summary>
public static class OutputFiles
{
    /// <summary>Writes what <paramref name="write"/> puts in the stream to <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the content.</param>
    /// <exception cref="OutputFileException">The path is not a regular file, or the write failed (the previous file is kept).</exception>
    public static void Write(string path, Action<Stream> write) => AtomicFile.Write(path, write);

    /// <summary>Writes UTF-8 text without a byte-order mark, with <c>\n</c> line ends.</summary>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the text.</param>
    /// <exception cref="OutputFileException">The path is not a regular file, or the write failed (the previous file is kept).</exception>
    public static void WriteText(string path, Action<TextWriter> write) => AtomicFile.WriteText(path, write);

    /// <summary>
    /// The file a program other than this library will write at <paramref name="path"/> (e.g. a SQLite database): a link
    /// is followed to its target; anything but a regular file or a missing one is refused.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <exception cref="OutputFileException">The path is a folder, a FIFO, a device or a socket.</exception>
    public static string Resolve(string path) => OutputPath.Resolve(path);
}
