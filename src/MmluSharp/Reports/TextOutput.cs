using System.Text;

namespace MmluSharp.Reports;

/// <summary>How every text report is encoded: UTF-8 without a byte-order mark, <c>\n</c> line ends.</summary>
internal static class TextOutput
{
    /// <summary>Writes what <paramref name="write"/> writes to <paramref name="output"/>, leaving the stream open.</summary>
    public static void Write(Stream output, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        write(writer);
    }
}
