using MmluSharp.Benchmarks.MmluRedux;

namespace MmluSharp.Tests.Benchmarks.MmluRedux;

public class PythonListLiteralTests
{
    [Fact]
    public void Commas_inside_strings_and_both_quote_kinds_are_kept()
    {
        Assert.Equal(["True, True", "it's", "say \"hi\"", ""],
            PythonListLiteral.Parse("['True, True', \"it's\", 'say \"hi\"', '']"));
    }

    [Fact]
    public void Escapes_are_decoded_as_python_decodes_them()
    {
        Assert.Equal(["a'b", "c\\d", "x\u00a0y", "line\nnext", "tab\t", "\u2019", "\U0001F600", "\u0007", "A", "keep \\q"],
            PythonListLiteral.Parse(@"['a\'b', 'c\\d', 'x\xa0y', 'line\nnext', 'tab\t', '\u2019', '\U0001f600', '\a', '\101', 'keep \q']"));
    }

    [Fact]
    public void Whitespace_line_breaks_adjacent_literals_and_a_trailing_comma_are_allowed()
    {
        Assert.Equal(["ab", "c"], PythonListLiteral.Parse(" [\n  'a' \"b\",\r\n  'c',\n] "));
        Assert.Empty(PythonListLiteral.Parse("[]"));
    }

    [Theory]
    [InlineData("'a', 'b'")]
    [InlineData("['a', 'b'")]
    [InlineData("['a' 'b")]
    [InlineData("['a', 1]")]
    [InlineData("['a'; 'b']")]
    [InlineData("['a'] x")]
    [InlineData(@"['\x4']")]
    [InlineData("['a\nb']")]
    public void Anything_else_is_a_format_error_that_says_where(string text)
    {
        var e = Assert.Throws<FormatException>(() => PythonListLiteral.Parse(text));
        Assert.Contains("at character", e.Message, StringComparison.Ordinal);
    }
}
