using MmluSharp.Benchmarks.MmluRedux;

namespace MmluSharp.Tests.Benchmarks.MmluRedux;

public class ReduxAnnotationParsingTests
{
    [Theory]
    [InlineData("OK", "ok")]
    [InlineData("Ok ", "ok")]
    [InlineData("wrong_groundtruth ", "wrong groundtruth")]
    [InlineData("Wrong Groundtruth", "wrong groundtruth")]
    [InlineData("No correct Answer", "no correct answer")]
    [InlineData("bad_options_clarity", "bad options clarity")]
    public void Error_types_are_lower_cased_underscores_become_spaces_and_trimmed(string raw, string expected) =>
        Assert.Equal(expected, ReduxErrorTypes.Normalise(raw));

    [Theory]
    [InlineData("2", 2)]
    [InlineData(" 0 ", 0)]
    [InlineData("C", 2)]
    [InlineData("D", 3)]
    [InlineData("4", null)]
    [InlineData("E", null)]
    [InlineData("c", null)]
    [InlineData("2 and 3", null)]
    [InlineData("A,C", null)]
    [InlineData("(0, 1)", null)]
    [InlineData("depends on interpretation", null)]
    [InlineData("", null)]
    public void Correct_answer_names_an_option_only_when_unambiguous(string text, int? expected) =>
        Assert.Equal(expected, ReduxCorrectAnswer.Parse(text, 4));
}
