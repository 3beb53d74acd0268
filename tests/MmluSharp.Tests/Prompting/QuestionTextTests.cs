using MmluSharp.Prompting;

namespace MmluSharp.Tests.Prompting;

public class QuestionTextTests
{
    [Fact]
    public void Harness_strips_the_leading_space_of_a_real_question_and_original_keeps_it()
    {
        var question = PromptingData.Test("world_religions", 0);
        Assert.Equal(" What can murtis be translated as?", question.Text);

        var harness = PromptBuilder.Build(PromptStyle.Harness, question, []);
        var original = PromptBuilder.Build(PromptStyle.Original, question, []);

        Assert.StartsWith("What can murtis be translated as?\nA. ", harness.Query, StringComparison.Ordinal);
        Assert.StartsWith(" What can murtis be translated as?\nA. ", original.Query, StringComparison.Ordinal);
        Assert.Contains("about  world religions.\n\n What can", original.Text, StringComparison.Ordinal);
        Assert.Contains("about world religions.\n\nWhat can", harness.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Harness_strips_a_trailing_next_line_character_as_python_does()
    {
        // sociology test row 69 ends in U+0085, which Python's str.strip() removes.
        var question = PromptingData.Test("sociology", 69);
        Assert.EndsWith("\u0085", question.Text, StringComparison.Ordinal);
        var prompt = PromptBuilder.Build(PromptStyle.Harness, question, []);
        Assert.StartsWith("Role-learning theory suggests that\nA. ", prompt.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Harness_strips_the_shots_questions_too()
    {
        // formal_logic's dev questions start with a space.
        var shots = PromptingData.Shots("formal_logic", 5);
        Assert.StartsWith(" ", shots[0].Text, StringComparison.Ordinal);
        var prompt = PromptBuilder.Build(PromptStyle.Harness, PromptingData.Test("formal_logic", 0), shots);
        Assert.StartsWith("Select the best translation", prompt.Shots[0], StringComparison.Ordinal);
        var original = PromptBuilder.Build(PromptStyle.Original, PromptingData.Test("formal_logic", 0), shots);
        Assert.StartsWith(" Select the best translation", original.Shots[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Harness_leaves_choices_as_written()
    {
        var question = PromptingData.Make(" Q? ", " a ", "b\u00a0", "c", "d");
        var prompt = PromptBuilder.Build(PromptStyle.Harness, question, []);
        Assert.Equal("Q?\nA.  a \nB. b\u00a0\nC. c\nD. d\nAnswer:", prompt.Query);
    }

    [Theory]
    [InlineData("\u00a0x\u00a0", "x")]
    [InlineData("\u001c\u001d x \u001e\u001f", "x")]
    [InlineData("\u2000\u200a\u2028\u2029\u202f\u205f\u3000\u1680x\t\n\v\f\r", "x")]
    [InlineData("\u200bx\u200b", "\u200bx\u200b")]
    [InlineData("\u180ex\ufeff", "\u180ex\ufeff")]
    [InlineData("  ", "")]
    [InlineData("a b", "a b")]
    public void Python_strip_removes_exactly_the_characters_python_calls_whitespace(string text, string expected) =>
        Assert.Equal(expected, PythonText.Strip(text));

    [Fact]
    public void Python_whitespace_set_is_the_29_characters_of_str_isspace()
    {
        var spaces = Enumerable.Range(0, 0x10000).Where(c => PythonText.IsSpace((char)c)).ToArray();
        int[] python =
        [
            0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003,
            0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
        ];
        Assert.Equal(python, spaces);
    }
}
