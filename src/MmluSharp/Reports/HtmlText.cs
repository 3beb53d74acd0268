using System.Net;

namespace MmluSharp.Reports;

/// <summary>The HTML page frame and tables shared by the run and comparison reports. Every text is HTML-escaped.</summary>
internal static class HtmlText
{
    private const string Style = """
        body{font-family:sans-serif;margin:2em auto;max-width:1000px;color:#222;line-height:1.4}
        table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ddd;padding:3px 8px}
        th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
        .note{color:#555}.chart{margin:1em 0}figure{margin:0}figcaption{color:#555;font-size:.9em}
        .sig{font-weight:bold;color:#0a6}.refused{color:#a40}
        """;

    /// <summary>Text as HTML character data or an attribute value, its control characters neutralised first.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(SafeText.Neutralize(text));

    /// <summary>The document head: UTF-8, a policy that forbids scripts and any network access, inline CSS.</summary>
    public static void WriteStart(TextWriter w, string title)
    {
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
        w.Write("<title>" + Escape(title) + "</title>\n<style>" + Style + "</style>\n</head>\n<body>\n");
        w.Write("<h1>" + Escape(title) + "</h1>\n");
    }

    public static void WriteEnd(TextWriter w) => w.Write("</body>\n</html>\n");

    public static void WriteTable(TextWriter w, ReportTable table, string? id = null)
    {
        w.Write(id is null ? "<h2>" : "<h2 id=\"" + Escape(id) + "\">");
        w.Write(Escape(table.Title) + "</h2>\n");
        if (table.Note.Length > 0)
        {
            w.Write("<p class=\"note\">" + Escape(table.Note) + "</p>\n");
        }

        if (table.Rows.Count == 0)
        {
            w.Write("<p>(none)</p>\n");
            return;
        }

        w.Write("<table>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            w.Write("<th>" + Escape(column) + "</th>");
        }

        w.Write("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            w.Write("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                w.Write(table.RightAligned[i] ? "<td class=\"num\">" : "<td>");
                w.Write(Escape(row[i]) + "</td>");
            }

            w.Write("</tr>\n");
        }

        w.Write("</tbody>\n</table>\n");
    }

    public static void WriteFigure(TextWriter w, string svg, string caption) =>
        w.Write("<figure class=\"chart\">" + svg + "<figcaption>" + Escape(caption) + "</figcaption></figure>\n");
}
