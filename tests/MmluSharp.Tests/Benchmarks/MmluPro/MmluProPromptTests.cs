using MmluSharp.Prompting;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Benchmarks.MmluPro;

/// <summary>
/// Golden prompts written by a Python re-implementation of TIGER-AI-Lab/MMLU-Pro <c>evaluate_from_local.py</c>
/// (<c>preprocess</c>, <c>generate_cot_prompt</c>, <c>format_cot_example</c>) and of our <c>letter</c> style's spec,
/// not by this code.
/// </summary>
public class MmluProPromptTests
{
    private static PromptedQuestion First(string subject, int shots, string? style = null) =>
        PlanBuilder.Build(new PlanRequest(SharedData.Dataset("mmlu-pro"), "test", shots, style, [subject], Limit: 1, Benchmark: "mmlu-pro")).Items[0];

    [Theory]
    [InlineData("biology", 5, "mmlu-pro-cot-biology-test0-five-shot.txt")]
    [InlineData("computer_science", 5, "mmlu-pro-cot-computer_science-test0-five-shot.txt")]
    [InlineData("law", 0, "mmlu-pro-cot-law-test0-zero-shot.txt")]
    public void Cot_style_matches_tiger_lab_evaluate_from_local(string subject, int shots, string golden) =>
        Golden.Verify("prompts/" + golden, First(subject, shots).Prompt.Text);

    [Theory]
    [InlineData("biology", "mmlu-pro-letter-biology-test0-five-shot.txt")]
    [InlineData("computer_science", "mmlu-pro-letter-computer_science-test0-five-shot.txt")]
    public void Letter_style_matches_its_spec(string subject, string golden) =>
        Golden.Verify("prompts/" + golden, First(subject, 5, "letter").Prompt.Text);

    [Fact]
    public void Cot_prompts_split_at_the_instruction_and_each_worked_example()
    {
        var item = First("biology", 5);
        Assert.StartsWith("You are an expert in biology.", item.Prompt.Header, StringComparison.Ordinal);
        Assert.EndsWith("Then output the answer.\n", item.Prompt.Header, StringComparison.Ordinal);
        Assert.All(item.Prompt.Shots, shot => Assert.Matches(@"^Question:\n[\s\S]*\nAnswer: Let's think step by step\.[\s\S]*The answer is \([A-J]\)\.\n\n\z", shot));
        Assert.EndsWith("\nAnswer: Let's think step by step.", item.Prompt.Query, StringComparison.Ordinal);
        Assert.Equal(item.Question.Choices.Count, item.Continuations.Count);
    }

    [Fact]
    public void Letter_continuations_cover_each_questions_own_options()
    {
        var plan = PlanBuilder.Build(new PlanRequest(SharedData.Dataset("mmlu-pro"), "test", 5, "letter", ["chemistry"], Benchmark: "mmlu-pro"));
        var seven = plan.Items.First(i => i.Question.Choices.Count == 7);
        Assert.Equal([" A", " B", " C", " D", " E", " F", " G"], seven.Continuations);
        Assert.EndsWith("\nG. " + seven.Question.Choices[6] + "\nAnswer:", seven.Prompt.Query, StringComparison.Ordinal);
        Assert.All(plan.Items[0].Prompt.Shots, shot => Assert.Matches(@"\nAnswer: [A-J]\n\n\z", shot));
    }
}
