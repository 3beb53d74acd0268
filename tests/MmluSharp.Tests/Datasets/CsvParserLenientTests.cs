using System.Text;
using MmluSharp.Datasets;

namespace MmluSharp.Tests.Datasets;

public class CsvParserLenientTests
{
    private static readonly Encoding MacRoman = CodePagesEncodingProvider.Instance.GetEncoding(10000)!;

    [Fact]
    public void Invalid_bytes_are_decoded_with_the_fallback_and_listed_with_offset_and_line()
    {
        byte[] data = [.. "a,b\r\n\"x\ny"u8, 0xD5, .. "\",\u00e9\n"u8, 0xFF, 0xFE, (byte)'\n'];
        var records = CsvParser.ParseLenient(data, "m.csv", MacRoman, out var replaced);

        Assert.Equal(["x\ny\u2019", "\u00e9"], records[1].Fields);
        Assert.Equal(["\u02c7\u02db"], records[2].Fields);
        Assert.Equal(
            [new CsvParser.ReplacedByte(9, 3, 0xD5, "\u2019"), new CsvParser.ReplacedByte(15, 4, 0xFF, "\u02c7"), new CsvParser.ReplacedByte(16, 4, 0xFE, "\u02db")],
            replaced);
    }

    [Fact]
    public void Valid_utf8_parses_exactly_as_the_strict_parser_and_malformed_csv_still_fails()
    {
        var data = "q;\"a;b\"\r\n\u00e9;\u2019\n"u8.ToArray();
        var lenient = CsvParser.ParseLenient(data, "m.csv", MacRoman, out var replaced, ';');

        Assert.Empty(replaced);
        Assert.Equal(CsvParser.Parse(data, "m.csv", ';'), lenient, (x, y) => x.Line == y.Line && x.Fields.SequenceEqual(y.Fields));
        Assert.Throws<DatasetException>(() => CsvParser.ParseLenient([.. "\"open"u8, 0xD5], "m.csv", MacRoman, out _));
        Assert.Throws<DatasetException>(() => CsvParser.Parse([0xD5], "m.csv"));
    }
}
