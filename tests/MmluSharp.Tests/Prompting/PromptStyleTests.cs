using MmluSharp.Prompting;

namespace MmluSharp.Tests.Prompting;

public class PromptStyleTests
{
    [Fact]
    public void Continuations_are_the_target_delimiter_space_followed_by_each_letter()
    {
        Assert.Equal([" A", " B", " C", " D"], PromptStyle.Harness.Continuations(4));
        Assert.Equal([" A", " B", " C", " D"], PromptStyle.Original.Continuations(4));
        Assert.Equal([" A", " B"], PromptStyle.Original.Continuations(2));
        Assert.Equal(" Z", PromptStyle.Original.Continuations(26)[25]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    public void Continuations_reject_option_counts_outside_1_to_26(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PromptStyle.Harness.Continuations(count));

    [Fact]
    public void Ids_carry_name_and_version()
    {
        Assert.Equal("original/v1", PromptStyle.Original.Id);
        Assert.Equal("harness/v1", PromptStyle.Harness.Id);
        Assert.Equal([PromptStyle.Original, PromptStyle.Harness], PromptStyle.All);
    }

    [Theory]
    [InlineData("original")]
    [InlineData("Original")]
    [InlineData("original/v1")]
    public void Parse_accepts_the_name_in_any_case_or_the_id(string name) =>
        Assert.Same(PromptStyle.Original, PromptStyle.Parse(name));

    [Fact]
    public void Parse_finds_harness() => Assert.Same(PromptStyle.Harness, PromptStyle.Parse("harness"));

    [Theory]
    [InlineData("helm")]
    [InlineData("")]
    [InlineData("original/v2")]
    public void Parse_rejects_unknown_names_listing_the_valid_ones(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => PromptStyle.Parse(name));
        Assert.Contains($"'{name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("original, harness", error.Message, StringComparison.Ordinal);
        Assert.Equal("name", error.ParamName);
    }
}
