using System.Diagnostics;
using MmluSharp.Prompting;
using Xunit.Abstractions;

namespace MmluSharp.Tests.Prompting;

public class PromptBuilderTests(ITestOutputHelper output)
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
    public void Builds_all_14042_five_shot_test_prompts_and_writes_them_as_jsonl_quickly()
    {
        var test = PromptingData.Split("test");
        Assert.Equal(14042, test.Count);
        var shots = test.Select(q => q.Subject).Distinct(StringComparer.Ordinal)
            .ToDictionary(s => s, s => PromptingData.Shots(s, 5), StringComparer.Ordinal);

        var prompts = new Prompt[test.Count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < test.Count; i++)
        {
            prompts[i] = PromptBuilder.Build(PromptStyle.Harness, test[i], shots[test[i].Subject]);
        }

        var build = clock.Elapsed;
        clock.Restart();
        for (var i = 0; i < test.Count; i++)
        {
            prompts[i] = PromptBuilder.Build(PromptStyle.Original, test[i], shots[test[i].Subject]);
        }

        var warm = clock.Elapsed;
        output.WriteLine($"again in the original style (warm): {warm.TotalMilliseconds:F1} ms");
        clock.Restart();
        using var sink = new MemoryStream();
        PromptsJsonlWriter.Write(test.Zip(prompts), PromptStyle.Original.Name, sink);
        var write = clock.Elapsed;

        output.WriteLine($"built {test.Count} five-shot prompts in {build.TotalMilliseconds:F1} ms; wrote {sink.Length:N0} bytes of JSONL in {write.TotalMilliseconds:F1} ms");
        Assert.All(prompts, p => Assert.Equal(5, p.Shots.Count));
        Assert.True(build < TimeSpan.FromSeconds(1), $"building took {build}");
        Assert.True(write < TimeSpan.FromSeconds(3), $"writing took {write}");
    }
}
