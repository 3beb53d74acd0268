using System.Text;

namespace MmluSharp.Datasets.Download;

/// <summary>
/// Writes questions as headerless <c>question,A,B,C,D,answer</c> rows, RFC 4180 with CRLF row ends, quoting a field
/// only when it holds a comma, a quote or a line break (Python's <c>csv</c> with <c>QUOTE_MINIMAL</c>); UTF-8 without
/// BOM. Field text is written exactly, so <see cref="MmluDirectory"/> reads back the same questions.
/// </summary>
internal static class MmluCsvWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes <paramref name="questions"/> (4 choices each) to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<Question> questions)
    {
        using var stream = IO.ScratchFile.Create(path);
        Write(stream, questions);
    }

    /// <summary>Writes <paramref name="questions"/> (4 choices each) to <paramref name="stream"/>, leaving it open.</summary>
    public static void Write(Stream stream, IEnumerable<Question> questions)
    {
        using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
        foreach (var q in questions)
        {
            if (q.Choices.Count != 4)
            {
                throw new ArgumentException($"{q.Subject} {q.Split} {q.Index}: MMLU rows need 4 choices, not {q.Choices.Count}.", nameof(questions));
            }

            writer.Write(Field(q.Text));
            foreach (var choice in q.Choices)
            {
                writer.Write(',');
                writer.Write(Field(choice));
            }

            writer.Write(',');
            writer.Write(q.AnswerLetter);
            writer.Write("\r\n");
        }
    }

    /// <summary>A field as written: quoted (quotes doubled) only when it needs to be.</summary>
    public static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
