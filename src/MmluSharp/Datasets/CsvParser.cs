using System.Runtime.InteropServices;
using System.Text;

namespace MmluSharp.Datasets;

/// <summary>
/// A strict RFC 4180 reader over UTF-8 bytes: quoted fields may hold delimiters, quotes (as <c>""</c>) and line
/// breaks; records end in CRLF or LF (mixed is fine) or at the end of the data. Field text is kept exactly.
/// A leading UTF-8 BOM is skipped. Anything else (invalid UTF-8, a quote inside an unquoted field, text after a
/// closing quote, an unterminated quote, a bare CR) is a <see cref="DatasetException"/> naming the record's line.
/// Only with <c>allowBareQuotes</c> is a quote inside an unquoted field kept as a literal character, as Python's
/// <c>csv</c> and pandas do (the final MMLU val split needs it: one question in <c>college_medicine_val.csv</c> ends in <c>?"</c>).
/// </summary>
internal static class CsvParser
{
    private const byte Quote = (byte)'"';
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads and parses a whole file.</summary>
    public static List<CsvRecord> ReadFile(string path, char delimiter = ',', bool allowBareQuotes = false) =>
        Parse(DataFile.ReadAllBytes(path), path, delimiter, allowBareQuotes);

    /// <summary>Reads <paramref name="stream"/> to its end and parses it; <paramref name="path"/> names it in errors.</summary>
    public static List<CsvRecord> Parse(Stream stream, string path, char delimiter = ',', bool allowBareQuotes = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), path, delimiter, allowBareQuotes);
    }

    /// <summary>Parses UTF-8 CSV data; <paramref name="path"/> names it in errors.</summary>
    public static List<CsvRecord> Parse(ReadOnlySpan<byte> data, string path, char delimiter = ',', bool allowBareQuotes = false)
    {
        if (delimiter is '"' or '\r' or '\n' or > '\x7f')
        {
            throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "The delimiter must be an ASCII character other than a quote or a line break.");
        }

        var sep = (byte)delimiter;
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var scratch = new List<byte>();
        var pos = data.StartsWith("\uFEFF"u8) ? 3 : 0;
        var line = 1;

        while (pos < data.Length)
        {
            var recordLine = line;
            fields.Clear();
            while (true)
            {
                if (pos < data.Length && data[pos] == Quote)
                {
                    fields.Add(QuotedField(data, sep, ref pos, ref line, recordLine, path, scratch));
                }
                else
                {
                    var start = pos;
                    var length = data[pos..].IndexOfAny(sep, Cr, Lf);
                    pos = length < 0 ? data.Length : pos + length;
                    var text = data[start..pos];
                    if (!allowBareQuotes && text.Contains(Quote))
                    {
                        throw DatasetException.At(path, recordLine, "a quote inside an unquoted field (quote the whole field and double the quote)");
                    }

                    fields.Add(Decode(text, path, recordLine));
                }

                // pos is at a delimiter, a line break or the end.
                if (pos == data.Length)
                {
                    break;
                }

                var b = data[pos++];
                if (b == sep)
                {
                    continue;
                }

                if (b == Cr)
                {
                    if (pos == data.Length || data[pos] != Lf)
                    {
                        throw DatasetException.At(path, recordLine, "a carriage return that is not followed by a line feed outside quotes");
                    }

                    pos++;
                }

                line++;
                break;
            }

            records.Add(new CsvRecord(recordLine, [.. fields]));
        }

        return records;
    }

    /// <summary>An invalid UTF-8 byte that <see cref="ParseLenient"/> decoded with its fallback code page.</summary>
    /// <param name="Offset">0-based byte offset in the data.</param>
    /// <param name="Line">1-based physical line holding the byte.</param>
    /// <param name="Value">The byte.</param>
    /// <param name="DecodedAs">The text it was read as.</param>
    public sealed record ReplacedByte(long Offset, int Line, byte Value, string DecodedAs);

    /// <summary>
    /// Parses like <see cref="Parse(ReadOnlySpan{byte}, string, char, bool)"/>, except that a byte that is not valid
    /// UTF-8 does not stop the parse: it is decoded with <paramref name="fallback"/> (a single-byte code page such as
    /// Mac Roman) and listed in <paramref name="replaced"/>. Valid UTF-8 is parsed exactly as by <c>Parse</c>.
    /// </summary>
    /// <exception cref="DatasetException">The data is malformed CSV.</exception>
    public static List<CsvRecord> ParseLenient(
        ReadOnlySpan<byte> data,
        string path,
        Encoding fallback,
        out IReadOnlyList<ReplacedByte> replaced,
        char delimiter = ',',
        bool allowBareQuotes = false)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (System.Text.Unicode.Utf8.IsValid(data))
        {
            replaced = [];
            return Parse(data, path, delimiter, allowBareQuotes);
        }

        var list = new List<ReplacedByte>();
        var repaired = new List<byte>(data.Length + 16);
        var line = 1;
        var pos = 0;
        while (pos < data.Length)
        {
            var status = Rune.DecodeFromUtf8(data[pos..], out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                line += LineBreaksIn(data, pos, consumed);
                repaired.AddRange(data.Slice(pos, consumed));
                pos += consumed;
                continue;
            }

            for (var i = pos; i < pos + consumed; i++)
            {
                var text = fallback.GetString([data[i]]);
                if (text.Length == 0 || text.Any(c => c < '\x80'))
                {
                    text = "\uFFFD"; // never let a fallback byte become a delimiter, quote or line break
                }

                list.Add(new ReplacedByte(i, line, data[i], text));
                repaired.AddRange(Encoding.UTF8.GetBytes(text));
            }

            pos += consumed;
        }

        replaced = list;
        return Parse(CollectionsMarshal.AsSpan(repaired), path, delimiter, allowBareQuotes);
    }

    private static int LineBreaksIn(ReadOnlySpan<byte> data, int pos, int count)
    {
        // One byte at a time for valid text: LF ends a line, and so does a CR that no LF follows.
        var b = data[pos];
        return count == 1 && (b == Lf || (b == Cr && (pos + 1 == data.Length || data[pos + 1] != Lf))) ? 1 : 0;
    }

    private static string QuotedField(ReadOnlySpan<byte> data, byte sep, ref int pos, ref int line, int recordLine, string path, List<byte> scratch)
    {
        pos++; // opening quote
        var start = pos;
        var escaped = false;
        while (true)
        {
            var next = data[pos..].IndexOfAny(Quote, Cr, Lf);
            if (next < 0)
            {
                throw DatasetException.At(path, recordLine, "a quoted field is not closed before the end of the file");
            }

            pos += next;
            var b = data[pos++];
            if (b == Lf)
            {
                line++;
            }
            else if (b == Cr)
            {
                if (pos == data.Length || data[pos] != Lf)
                {
                    line++; // a lone CR inside quotes still breaks the physical line
                }
            }
            else if (pos < data.Length && data[pos] == Quote)
            {
                escaped = true;
                pos++;
            }
            else
            {
                break; // closing quote
            }
        }

        var raw = data[start..(pos - 1)];
        if (pos < data.Length && data[pos] != sep && data[pos] is not (Cr or Lf))
        {
            throw DatasetException.At(path, recordLine, "text after the closing quote of a quoted field");
        }

        if (!escaped)
        {
            return Decode(raw, path, recordLine);
        }

        scratch.Clear();
        for (var i = 0; i < raw.Length; i++)
        {
            scratch.Add(raw[i]);
            if (raw[i] == Quote)
            {
                i++; // skip the second quote of ""
            }
        }

        return Decode(CollectionsMarshal.AsSpan(scratch), path, recordLine);
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string path, int line)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw DatasetException.At(path, line, $"invalid UTF-8 (byte 0x{e.BytesUnknown?.FirstOrDefault():X2})");
        }
    }
}
