using System.Text;

namespace MmluSharp.Reports;

/// <summary>Renders <see cref="ReportTable"/>s as GitHub-flavoured Markdown, escaping what would break a table.</summary>
internal static class MarkdownText
{
    /// <summary>Writes <paramref name="table"/> as a level-2 section.</summary>
    public static void WriteTable(TextWriter writer, ReportTable table)
    {
        writer.Write("## " + Escape(table.Title) + "\n\n");
        if (table.Note.Length > 0)
        {
            writer.Write(Escape(table.Note) + "\n\n");
        }

        if (table.Rows.Count == 0)
        {
            writer.Write("(none)\n\n");
            return;
        }

        writer.Write("| " + string.Join(" | ", table.Columns.Select(Escape)) + " |\n");
        writer.Write("|" + string.Concat(table.RightAligned.Select(right => right ? " ---: |" : " --- |")) + "\n");
        foreach (var row in table.Rows)
        {
            writer.Write("| " + string.Join(" | ", row.Select(Escape)) + " |\n");
        }

        writer.Write('\n');
    }

    /// <summary>
    /// Text safe inside a Markdown table cell and on a terminal that shows the file: control characters neutralised
    /// (<see cref="SafeText.Neutralize"/>), no line breaks, <c>|</c> escaped, and every <c>&lt;</c> or <c>&amp;</c>
    /// that could start a tag or an entity written as an entity, so a renderer never sees markup (<c>p &lt; 0.05</c>
    /// stays readable).
    /// </summary>
    public static string Escape(string text)
    {
        text = SafeText.Neutralize(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            sb.Append(ch switch
            {
                '|' => "\\|",
                '<' when char.IsLetter(next) || next is '/' or '!' or '?' => "&lt;",
                '&' when char.IsLetterOrDigit(next) || next == '#' => "&amp;",
                '\n' or '\t' => " ",
                _ => ch.ToString(),
            });
        }

        return sb.ToString();
    }
}
