using System.Text;
using MmluSharp.Benchmarks.MmluRedux;
using MmluSharp.Datasets;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Tests.Benchmarks.MmluRedux;

public class ReduxReaderTests
{
    private const string Header = "question,choices,answer,error_type,source,correct_answer,potential_reason";

    private static ReduxFile Parse(string text) => ReduxReader.Parse(Encoding.UTF8.GetBytes(text), "mmlu_x.csv", "x");

    private static DatasetException Fails(string text) => Assert.Throws<DatasetException>(() => Parse(text));

    [Fact]
    public void A_comma_file_gives_questions_with_mmlu_gold_and_annotations()
    {
        var file = Parse(Header + "\r\n\"Q1 \",\"['a, b', \"\"c's\"\", 'd', 'e']\",2,Wrong_Groundtruth ,url,C,why\r\nQ2,\"['1', '2', '3', '4']\",0,OK,,,\r\n");

        Assert.Equal(',', file.Delimiter);
        Assert.Equal(2, file.Rows.Count);
        var first = file.Rows[0];
        Assert.Equal(new Question("mmlu-redux", "x", "test", 0, "Q1 ", ["a, b", "c's", "d", "e"], 2), first.Question, QuestionComparer.Instance);
        Assert.Equal("wrong groundtruth", first.ErrorType);
        Assert.Equal("Wrong_Groundtruth ", first.RawErrorType);
        Assert.Equal(2, first.CorrectAnswer);
        Assert.Equal(("url", "why", 2), (first.Source, first.PotentialReason, first.Line));
        Assert.Equal(1, file.Rows[1].Question.Index);
        Assert.Null(file.Rows[1].CorrectAnswer);
        Assert.False(file.Rows[1].HasCorrectAnswerText);
        Assert.Empty(file.Notes);
    }

    [Fact]
    public void Semicolon_files_reordered_columns_and_extra_unnamed_columns_are_read_by_header_name()
    {
        var semicolon = Parse("question;choices;answer;error_type;source;correct_answer;potential_reason\nQ, with comma;\"['a', 'b', 'c', 'd']\";1;ok;;;\n");
        Assert.Equal(';', semicolon.Delimiter);
        Assert.Equal("Q, with comma", semicolon.Rows[0].Question.Text);

        var reordered = Parse("question,choices,answer,correct_answer,error_type,source,potential_reason,,\nQ,\"['a', 'b', 'c', 'd']\",3,1,wrong groundtruth,src,,,\n");
        Assert.Equal((1, "wrong groundtruth", "src", 3), (reordered.Rows[0].CorrectAnswer, reordered.Rows[0].ErrorType, reordered.Rows[0].Source, reordered.Rows[0].Question.AnswerIndex));
    }

    [Fact]
    public void A_byte_that_is_not_utf8_is_read_as_mac_roman_and_reported_with_line_and_offset()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\nQ1,\"['a', 'b', 'c', 'd']\",0,ok,,,\n\"My sister").Concat(new byte[] { 0xD5 })
            .Concat(Encoding.UTF8.GetBytes("s\nhead\",\"['a', 'b', 'c', 'd']\",1,ok,,,\n")).ToArray();
        var file = ReduxReader.Parse(bytes, "dir/mmlu_x.csv", "x");

        Assert.Equal("My sister\u2019s\nhead", file.Rows[1].Question.Text);
        var note = Assert.Single(file.Notes);
        var offset = Array.IndexOf(bytes, (byte)0xD5);
        Assert.Equal($"mmlu_x.csv: line 3, byte offset {offset} (row 1): byte 0xD5 is not UTF-8; read as Mac Roman '\u2019' (U+2019)", note);
    }

    [Theory]
    [InlineData("question,choices,answer,source\n", "mmlu_x.csv:1: the header has no column error_type, correct_answer")]
    [InlineData(Header + "\nQ,\"['a', 'b']\",0,ok,,\n", "mmlu_x.csv:2: expected 7 fields as in the header, found 6")]
    [InlineData(Header + "\nQ,\"['a', 'b']\",2,ok,,,\n", "mmlu_x.csv:2: answer must be an option index 0–1, found '2'")]
    [InlineData(Header + "\nQ,\"['a', 'b']\",B,ok,,,\n", "mmlu_x.csv:2: answer must be an option index")]
    [InlineData(Header + "\nQ,\"['a', 'b'\",0,ok,,,\n", "mmlu_x.csv:2: choices is not a Python list of strings: expected ']'")]
    [InlineData(Header + "\nQ,\"['a']\",0,ok,,,\n", "mmlu_x.csv:2: choices has 1 options")]
    [InlineData(Header + "\nQ,\"['a', 'b']\",0, ,,,\n", "mmlu_x.csv:2: error_type is empty")]
    [InlineData("", "mmlu_x.csv:1: empty file")]
    public void Malformed_rows_are_dataset_errors_naming_file_and_line(string text, string expected) =>
        Assert.StartsWith(expected, Fails(text).Message, StringComparison.Ordinal);
}
