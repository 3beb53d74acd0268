using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Tests.Download;

public sealed class MmluCsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData(" leading and trailing ", " leading and trailing ")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    [InlineData("", "")]
    public void Fields_are_quoted_only_when_needed(string text, string written)
    {
        Assert.Equal(written, MmluCsvWriter.Field(text));
    }

    [Fact]
    public void Awkward_fields_read_back_exactly_through_MmluDirectory()
    {
        using var temp = new TempFolder();
        Question[] questions =
        [
            new("mmlu", "anatomy", "test", 0, " Leading space,\r\nCRLF and \"quotes\"", ["\u00a0nbsp", "tab\there", "\"starts quoted", "lone\rcr"], 3),
            new("mmlu", "anatomy", "test", 1, "ends with a quote?\"", ["", "x", "y", "z "], 0),
        ];
        Directory.CreateDirectory(Path.Combine(temp.Path, "test"));
        MmluCsvWriter.Write(Path.Combine(temp.Path, "test", "anatomy_test.csv"), questions);

        var read = new MmluDirectory(temp.Path).Read("test", "anatomy");

        Assert.Equal(questions, read, QuestionComparer.Instance);
    }
}
