using System.Text;
using System.Text.Json;
using MmluSharp.Prompting;

namespace MmluSharp.Tests.Prompting;

public class PromptBuilderTests
{
    [Fact]
    public void Subject_context_builds_the_same_prompts_as_build_and_shares_header_and_shots()
    {
        var shots = PromptingData.Shots("anatomy", 5);
        var context = PromptBuilder.ForSubject(PromptStyle.Harness, "anatomy", shots);
        var question = PromptingData.Test("anatomy", 3);

        var fromContext = context.Build(question);
        var direct = PromptBuilder.Build(PromptStyle.Harness, question, shots);

        Assert.Equal(direct.Text, fromContext.Text);
        Assert.Same(context.Header, fromContext.Header);
        Assert.Same(context.Shots, fromContext.Shots);
    }

    [Fact]
    public void Build_renders_new_shots_when_the_shot_list_changes()
    {
        var question = PromptingData.Test("anatomy", 0);
        var five = PromptBuilder.Build(PromptStyle.Harness, question, PromptingData.Shots("anatomy", 5));
        var two = PromptBuilder.Build(PromptStyle.Harness, question, PromptingData.Shots("anatomy", 2));
        var original = PromptBuilder.Build(PromptStyle.Original, question, PromptingData.Shots("anatomy", 2));

        Assert.Equal(5, five.Shots.Count);
        Assert.Equal(2, two.Shots.Count);
        Assert.Equal(five.Render(2), two.Text);
        Assert.NotEqual(two.Header, original.Header);
    }

    [Fact]
    public void Renders_as_many_options_as_the_question_has()
    {
        var prompt = PromptBuilder.Build(PromptStyle.Original, PromptingData.Make("Q", "x", "y", "z", "w", "v"), []);
        Assert.Equal("Q\nA. x\nB. y\nC. z\nD. w\nE. v\nAnswer:", prompt.Query);
    }

    [Fact]
    public void Builds_all_14042_five_shot_test_prompts_in_both_styles_and_writes_one_jsonl_line_per_prompt()
    {
        var test = PromptingData.Split("test");
        Assert.Equal(14042, test.Count);
        var shots = test.Select(q => q.Subject).Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => PromptingData.Shots(s, 5), StringComparer.Ordinal);

        var harness = test.Select(q => PromptBuilder.Build(PromptStyle.Harness, q, shots[q.Subject])).ToList();
        var original = test.Select(q => PromptBuilder.Build(PromptStyle.Original, q, shots[q.Subject])).ToList();
        using var sink = new MemoryStream();
        PromptsJsonlWriter.Write(test.Zip(original), PromptStyle.Original.Name, sink);

        Assert.All(harness, p => Assert.Equal(5, p.Shots.Count));
        Assert.All(original, p => Assert.Equal(5, p.Shots.Count));
        var lines = Encoding.UTF8.GetString(sink.ToArray()).Split('\n');
        Assert.Equal(14043, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        using var last = JsonDocument.Parse(lines[^2]);
        Assert.Equal(original[^1].Text, last.RootElement.GetProperty("prompt").GetString());
        Assert.Equal(test[^1].Subject, last.RootElement.GetProperty("subject").GetString());
    }
}
