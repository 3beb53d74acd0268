using MmluSharp.Prompting;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Benchmarks.Cmmlu;

/// <summary>
/// Golden prompts written by a Python re-implementation of haonan-li/CMMLU <c>src/mp_utils.py</c>
/// (<c>gen_prompt</c>/<c>format_example</c>, data read as pandas reads it) and of lm-evaluation-harness' <c>cmmlu</c>
/// template, not by this code.
/// </summary>
public class CmmluPromptTests
{
    private static (PromptedQuestion First, int Count) Plan(string subject, int shots, string? style = null)
    {
        var plan = TestPlans.Build(new PlanRequest(SharedData.Dataset("cmmlu"), "test", shots, style, [subject], Limit: 1, Benchmark: "cmmlu"));
        return (plan.Questions[0], plan.Questions.Count);
    }

    [Theory]
    [InlineData("agronomy", 0, "cmmlu-agronomy-test0-zero-shot.txt")]
    [InlineData("agronomy", 5, "cmmlu-agronomy-test0-five-shot.txt")]
    [InlineData("college_actuarial_science", 5, "cmmlu-college_actuarial_science-test0-five-shot.txt")]
    public void Authors_style_matches_mp_utils(string subject, int shots, string golden) =>
        Golden.Verify("prompts/" + golden, Plan(subject, shots).First.Prompt.Text);

    [Fact]
    public void Harness_style_matches_lm_eval_cmmlu() =>
        Golden.Verify("prompts/cmmlu-harness-agronomy-test0-five-shot.txt", Plan("agronomy", 5, "harness").First.Prompt.Text);

    [Fact]
    public void Authors_style_scores_bare_letters_and_splits_at_header_and_shots()
    {
        var item = Plan("agronomy", 5).First;
        Assert.Equal(["A", "B", "C", "D"], item.Continuations);
        Assert.Equal("以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n", item.Prompt.Header);
        Assert.Equal(5, item.Prompt.Shots.Count);
        Assert.All(item.Prompt.Shots, shot => Assert.Matches(@"^题目：[\s\S]*\n答案是：[ABCD]\n\n\z", shot));
        Assert.StartsWith("题目：", item.Prompt.Query, StringComparison.Ordinal);
        Assert.EndsWith("\n答案是：", item.Prompt.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void Harness_style_scores_letters_after_a_space()
    {
        var item = Plan("agronomy", 5, "harness").First;
        Assert.Equal([" A", " B", " C", " D"], item.Continuations);
        Assert.All(item.Prompt.Shots, shot => Assert.Matches(@"\n答案： [ABCD]\n\n\z", shot));
        Assert.EndsWith("\n答案：", item.Prompt.Query, StringComparison.Ordinal);
    }

}
