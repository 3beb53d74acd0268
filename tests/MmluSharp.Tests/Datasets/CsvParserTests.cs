using System.Text;
using MmluSharp.Datasets;

namespace MmluSharp.Tests.Datasets;

public class CsvParserTests
{
    private static List<CsvRecord> Parse(string text, char delimiter = ',') =>
        CsvParser.Parse(Encoding.UTF8.GetBytes(text), "mem.csv", delimiter);

    private static string[][] Fields(string text, char delimiter = ',') =>
        [.. Parse(text, delimiter).Select(r => r.Fields.ToArray())];

    [Fact]
    public void Quoted_fields_keep_delimiters_escaped_quotes_and_embedded_line_breaks_exactly()
    {
        var records = Parse("\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\nz\"\r\nnext,row\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["a,b", "say \"hi\"", "x\r\ny\nz"], records[0].Fields);
        Assert.Equal(1, records[0].Line);
        Assert.Equal(["next", "row"], records[1].Fields);
        Assert.Equal(4, records[1].Line);
    }

    [Fact]
    public void Mixed_crlf_and_lf_row_ends_and_a_missing_final_newline_give_the_same_records()
    {
        Assert.Equal([["a", "b"], ["c", "d"], ["e", "f"]], Fields("a,b\r\nc,d\ne,f"));
        Assert.Equal([["a", "b"], ["c", "d"], ["e", "f"]], Fields("a,b\nc,d\r\ne,f\r\n"));
    }

    [Fact]
    public void Whitespace_tabs_and_non_breaking_spaces_are_not_trimmed()
    {
        Assert.Equal([[" a ", "\tb", "\u00a0c\u00a0", " "]], Fields(" a ,\tb,\u00a0c\u00a0, \n"));
    }

    [Fact]
    public void Empty_fields_and_a_trailing_delimiter_give_empty_strings()
    {
        Assert.Equal([["", "", ""], ["", "x", ""]], Fields(",,\n\"\",x,"));
    }

    [Fact]
    public void A_leading_utf8_bom_is_skipped_but_a_later_one_is_kept()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)',', 0xEF, 0xBB, 0xBF, (byte)'b' };
        var records = CsvParser.Parse(bytes, "bom.csv");
        Assert.Equal(["a", "\uFEFFb"], records[0].Fields);
    }

    [Fact]
    public void Semicolon_delimiter_leaves_commas_inside_fields()
    {
        Assert.Equal([["a,1", "b;2", "c"]], Fields("a,1;\"b;2\";c\n", ';'));
    }

    [Fact]
    public void A_blank_line_is_a_record_with_one_empty_field()
    {
        var records = Parse("a,b\n\nc,d\n");
        Assert.Equal([[""]], records.Where(r => r.Line == 2).Select(r => r.Fields.ToArray()));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Strict_parsing_of_all_171_real_mmlu_files_fails_only_on_the_known_bare_quote()
    {
        var failures = new List<string>();
        var files = Directory.GetFiles(Testing.SharedData.Mmlu, "*.csv", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            try
            {
                CsvParser.ReadFile(file);
            }
            catch (DatasetException e)
            {
                failures.Add(e.Message);
            }
        }

        Assert.Equal(171, files.Length);
        var path = Path.Combine(Testing.SharedData.Mmlu, "val", "college_medicine_val.csv");
        Assert.Equal([$"{path}:6: a quote inside an unquoted field (quote the whole field and double the quote)"], failures);
    }

    [Fact]
    public void Empty_input_gives_no_records()
    {
        Assert.Empty(Parse(""));
        Assert.Empty(CsvParser.Parse(new byte[] { 0xEF, 0xBB, 0xBF }, "bom-only.csv"));
    }

    [Fact]
    public void Line_numbers_count_physical_lines_including_those_inside_quoted_fields()
    {
        var records = Parse("one\n\"two\nlines\"\n\"three\r\nmore\r\nlines\"\r\nfour");
        Assert.Equal([1, 2, 4, 7], records.Select(r => r.Line));
    }

    [Fact]
    public void Stream_input_reads_the_same_as_bytes()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a,\"b\nc\"\nd,e"));
        var records = CsvParser.Parse(stream, "stream.csv");
        Assert.Equal([["a", "b\nc"], ["d", "e"]], records.Select(r => r.Fields.ToArray()));
    }

    [Theory]
    [InlineData("a,b\nc,\"unterminated\nmore\n", "mem.csv:2: a quoted field is not closed")]
    [InlineData("a,b\nc,d\nx\"y,z\n", "mem.csv:3: a quote inside an unquoted field")]
    [InlineData("a\n\"q\"x,b\n", "mem.csv:2: text after the closing quote")]
    [InlineData("a\nb\rc\n", "mem.csv:2: a carriage return that is not followed by a line feed")]
    public void Malformed_input_names_the_file_and_the_line_the_record_starts_on(string text, string expected)
    {
        var e = Assert.Throws<DatasetException>(() => Parse(text));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_bare_quotes_allowed_a_quote_inside_an_unquoted_field_is_kept_literally()
    {
        var records = CsvParser.Parse(Encoding.UTF8.GetBytes("a,b\nTruth?\",x\"y\"z,\"q\"\"\"\n"), "mem.csv", allowBareQuotes: true);
        Assert.Equal(["Truth?\"", "x\"y\"z", "q\""], records[1].Fields);
        Assert.Throws<DatasetException>(() => CsvParser.Parse(Encoding.UTF8.GetBytes("\"q\"x\n"), "mem.csv", allowBareQuotes: true));
    }

    [Fact]
    public void Invalid_utf8_names_the_file_and_line()
    {
        var bytes = Encoding.UTF8.GetBytes("ok,fine\n\"multi\nline\",x\nsister\u2019s,y\n");
        var at = Array.IndexOf(bytes, (byte)0xE2);
        bytes = [.. bytes[..at], 0xD5, .. bytes[(at + 3)..]]; // a Mac Roman right quote, as in MMLU-Redux
        var e = Assert.Throws<DatasetException>(() => CsvParser.Parse(bytes, "bad.csv"));
        Assert.StartsWith("bad.csv:4: invalid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_or_line_break_cannot_be_the_delimiter()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Parse("a", '"'));
        Assert.Throws<ArgumentOutOfRangeException>(() => Parse("a", '\n'));
    }
}
