using MmluSharp.Datasets;

namespace MmluSharp.Tests.Datasets;

public sealed class MmluDirectoryErrorTests : IDisposable
{
    private const string Good = "Q1,a,b,c,d,A\r\n\"Q2\nsecond line\",a,b,c,d,B\n";
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private DatasetException ReadFails(string subject, string text)
    {
        temp.Write(Path.Combine("test", $"{subject}_test.csv"), text);
        return Assert.Throws<DatasetException>(() => new MmluDirectory(temp.Path).Read("test", subject));
    }

    private string FileOf(string subject) => Path.Combine(temp.Path, "test", $"{subject}_test.csv");

    [Fact]
    public void A_row_with_five_fields_names_file_and_its_starting_line()
    {
        var e = ReadFails("anatomy", Good + "Q3,a,b,c,A\n");
        Assert.Equal($"{FileOf("anatomy")}:4: expected 6 fields (question,A,B,C,D,answer), found 5", e.Message);
    }

    [Fact]
    public void A_row_with_seven_fields_after_a_multiline_row_names_the_right_line()
    {
        var e = ReadFails("virology", "\"Q1\nx\ny\",a,b,c,d,A\nQ2,a,b,c,d,e,B\n");
        Assert.Equal($"{FileOf("virology")}:4: expected 6 fields (question,A,B,C,D,answer), found 7", e.Message);
    }

    [Fact]
    public void Answer_E_is_rejected_with_file_and_line()
    {
        var e = ReadFails("astronomy", Good + "Q3,a,b,c,d,E");
        Assert.Equal($"{FileOf("astronomy")}:4: answer must be A, B, C or D, found 'E'", e.Message);
    }

    [Fact]
    public void A_lower_case_or_padded_answer_is_rejected()
    {
        Assert.Contains(":1: answer must be A, B, C or D, found 'a'", ReadFails("nutrition", "Q,a,b,c,d,a\n").Message, StringComparison.Ordinal);
        Assert.Contains(":1: answer must be A, B, C or D, found 'A '", ReadFails("sociology", "Q,a,b,c,d,A \n").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_rejected_at_line_1()
    {
        var e = ReadFails("marketing", "");
        Assert.Equal($"{FileOf("marketing")}:1: empty file (expected rows question,A,B,C,D,answer)", e.Message);
    }

    [Fact]
    public void An_invalid_utf8_byte_names_file_and_line()
    {
        var bytes = "Q1,a,b,c,d,A\nQ2 sister"u8.ToArray().Concat(new byte[] { 0xD5 }).Concat("s,a,b,c,d,B\n"u8.ToArray()).ToArray();
        temp.WriteBytes(Path.Combine("test", "philosophy_test.csv"), bytes);
        var e = Assert.Throws<DatasetException>(() => new MmluDirectory(temp.Path).Read("test", "philosophy"));
        Assert.StartsWith($"{FileOf("philosophy")}:2: invalid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_quote_names_the_line_where_its_record_starts()
    {
        var e = ReadFails("management", Good + "\"Q3 never closed,a,b,c,d,A\nQ4,a,b,c,d,A\n");
        Assert.Equal($"{FileOf("management")}:4: a quoted field is not closed before the end of the file", e.Message);
    }

    [Fact]
    public void A_missing_split_folder_is_named()
    {
        temp.Write(Path.Combine("dev", "anatomy_dev.csv"), Good);
        var dir = new MmluDirectory(temp.Path);

        Assert.Equal(["dev"], dir.Splits);
        var e = Assert.Throws<DatasetException>(() => dir.Subjects("test"));
        Assert.Equal($"{Path.Combine(temp.Path, "test")}: split folder 'test' not found", e.Message);
        Assert.Throws<DatasetException>(() => dir.ReadSplit("val"));
    }

    [Fact]
    public void A_missing_root_folder_is_named()
    {
        var missing = Path.Combine(temp.Path, "nope");
        var e = Assert.Throws<DatasetException>(() => new MmluDirectory(missing));
        Assert.Equal($"{missing}: MMLU folder not found", e.Message);
    }

    [Fact]
    public void Unknown_subjects_requested_are_all_listed()
    {
        temp.Write(Path.Combine("test", "anatomy_test.csv"), Good);
        var e = Assert.Throws<DatasetException>(() => new MmluDirectory(temp.Path).ReadSplit("test", ["anatomy", "astrology", "alchemy"]));
        Assert.Equal($"{Path.Combine(temp.Path, "test")}: unknown subject(s) for split 'test': astrology, alchemy", e.Message);
    }

    [Fact]
    public void ReadSplit_reports_the_alphabetically_first_bad_file()
    {
        temp.Write(Path.Combine("test", "anatomy_test.csv"), Good);
        temp.Write(Path.Combine("test", "virology_test.csv"), "Q,a,b,c,d,Z\n");
        temp.Write(Path.Combine("test", "marketing_test.csv"), "Q,a,b\n");
        var dir = new MmluDirectory(temp.Path);

        for (var i = 0; i < 5; i++)
        {
            var e = Assert.Throws<DatasetException>(() => dir.ReadSplit("test"));
            Assert.StartsWith($"{FileOf("marketing")}:1: expected 6 fields", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Subjects_come_from_file_names_ordinal_sorted_ignoring_other_files()
    {
        temp.Write(Path.Combine("test", "virology_test.csv"), Good);
        temp.Write(Path.Combine("test", "Zoology_test.csv"), Good);
        temp.Write(Path.Combine("test", "anatomy_test.csv"), Good);
        temp.Write(Path.Combine("test", "anatomy_dev.csv"), Good);
        temp.Write(Path.Combine("test", "README.txt"), "x");
        var dir = new MmluDirectory(temp.Path);

        Assert.Equal(["Zoology", "anatomy", "virology"], dir.Subjects("test"));
        var rows = dir.Read("test", "anatomy");
        Assert.Equal(["Q1", "Q2\nsecond line"], rows.Select(q => q.Text));
        Assert.Equal([0, 1], rows.Select(q => q.AnswerIndex));
    }

    [Fact]
    public void A_missing_subject_file_is_named()
    {
        temp.Write(Path.Combine("test", "anatomy_test.csv"), Good);
        var e = Assert.Throws<DatasetException>(() => new MmluDirectory(temp.Path).Read("test", "virology"));
        Assert.Equal($"{FileOf("virology")}: file not found", e.Message);
    }
}
