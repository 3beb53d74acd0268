using MmluSharp.Prompting;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Benchmarks.MmluPro;

/// <summary>
/// Golden prompts written by <c>tests/reference/write_goldens.py</c> from independent Python re-implementations of
/// TIGER-AI-Lab/MMLU-Pro <c>evaluate_from_local.py</c> (<c>tiger_mmlu_pro.py</c>, style <c>cot</c>) and of
/// lm-evaluation-harness <c>mmlu_pro</c> 3.1 (<c>lmeval_mmlu_pro.py</c>, style <c>harness</c>), not by this code; and
/// of our <c>letter</c> style's spec. <c>tests/reference/compare_prompts.py</c> compares every question.
/// </summary>
public class MmluProPromptTests
{
    private static PromptedQuestion Ask(string subject, int shots, string? style = null, string split = "test", int index = 0) =>
        TestPlans.Build(new PlanRequest(SharedData.Dataset("mmlu-pro"), split, shots, style, [subject], Limit: index + 1, Benchmark: "mmlu-pro")).Questions[index];

    [Theory]
    [InlineData("cot", "biology", "test", 0, 5, "mmlu-pro-cot-biology-test0-five-shot.txt")]
    [InlineData("cot", "computer_science", "test", 0, 5, "mmlu-pro-cot-computer_science-test0-five-shot.txt")]
    [InlineData("cot", "law", "test", 0, 0, "mmlu-pro-cot-law-test0-zero-shot.txt")]
    [InlineData("cot", "business", "test", 192, 5, "mmlu-pro-cot-business-test192-five-shot.txt")]
    [InlineData("cot", "math", "validation", 2, 4, "mmlu-pro-cot-math-validation2-four-shot.txt")]
    [InlineData("harness", "biology", "test", 0, 5, "mmlu-pro-harness-biology-test0-five-shot.txt")]
    [InlineData("harness", "computer_science", "test", 0, 5, "mmlu-pro-harness-computer_science-test0-five-shot.txt")]
    [InlineData("harness", "law", "test", 0, 0, "mmlu-pro-harness-law-test0-zero-shot.txt")]
    [InlineData("harness", "business", "test", 192, 5, "mmlu-pro-harness-business-test192-five-shot.txt")]
    [InlineData("harness", "math", "validation", 2, 4, "mmlu-pro-harness-math-validation2-four-shot.txt")]
    public void Cot_and_harness_prompts_equal_the_reference_re_implementations(string style, string subject, string split, int index, int shots, string golden) =>
        Golden.Verify("prompts/" + golden, Ask(subject, shots, style, split, index).Prompt.Text);

    [Theory]
    [InlineData("biology", "mmlu-pro-letter-biology-test0-five-shot.txt")]
    [InlineData("computer_science", "mmlu-pro-letter-computer_science-test0-five-shot.txt")]
    public void Letter_style_matches_its_spec(string subject, string golden) =>
        Golden.Verify("prompts/" + golden, Ask(subject, 5, "letter").Prompt.Text);

    [Fact]
    public void Cot_opens_with_tigers_current_instruction_and_blank_lines_and_splits_at_each_worked_example()
    {
        var item = Ask("biology", 5);
        Assert.Equal(
            "The following are multiple choice questions (with answers) about biology. Think step by step and then finish your answer with \"the answer is (X)\" where X is the correct letter choice.\n\n\n\n",
            item.Prompt.Header);
        Assert.All(item.Prompt.Shots, shot => Assert.Matches(@"^Question:\n[\s\S]*\nAnswer: Let's think step by step\.[\s\S]*The answer is \([A-J]\)\.\n\n\z", shot));
        Assert.EndsWith("\nAnswer: Let's think step by step.", item.Prompt.Query, StringComparison.Ordinal);
        Assert.Equal(item.Question.Choices.Count, item.Continuations.Count);
    }

    [Fact]
    public void Harness_follows_its_description_with_one_newline_strips_options_and_keeps_the_padding()
    {
        var business = Ask("business", 5, "harness", index: 192);
        Assert.EndsWith("letter choice.\n", business.Prompt.Header, StringComparison.Ordinal);
        Assert.Contains("\nA. $6,300\nB. ", business.Prompt.Query, StringComparison.Ordinal);
        Assert.Contains("\nA. $6,300 \nB. ", Ask("business", 5, "cot", index: 192).Prompt.Query, StringComparison.Ordinal);

        var math = Ask("math", 0, "harness", "validation", 2);
        Assert.Equal(10, math.Question.Choices.Count);
        Assert.Equal("N/A", math.Question.Choices[9]);
        Assert.Equal("E", math.Question.AnswerLetter);
        Assert.Contains("\nJ. N/A\nAnswer: Let's think step by step.", math.Prompt.Query, StringComparison.Ordinal);
        Assert.Equal(9, Ask("math", 0, "cot", "validation", 2).Question.Choices.Count);
    }

    [Fact]
    public void A_validation_question_is_left_out_of_its_own_harness_examples_and_shown_in_tigers()
    {
        var own = "Let A be the set of all ordered pairs";
        var harness = Ask("math", 4, "harness", "validation", 2);
        Assert.Equal(4, harness.Prompt.Shots.Count);
        Assert.DoesNotContain(harness.Prompt.Shots, shot => shot.Contains(own, StringComparison.Ordinal));
        Assert.Contains(own, Ask("math", 4, "harness", "validation", 2).Prompt.Query, StringComparison.Ordinal);
        Assert.Contains(Ask("math", 4, "cot", "validation", 2).Prompt.Shots, shot => shot.Contains(own, StringComparison.Ordinal));
    }

    [Fact]
    public void Letter_continuations_cover_each_questions_own_options()
    {
        var plan = TestPlans.Build(new PlanRequest(SharedData.Dataset("mmlu-pro"), "test", 5, "letter", ["chemistry"], Benchmark: "mmlu-pro"));
        var seven = plan.Questions.First(i => i.Question.Choices.Count == 7);
        Assert.Equal([" A", " B", " C", " D", " E", " F", " G"], seven.Continuations);
        Assert.EndsWith("\nG. " + seven.Question.Choices[6] + "\nAnswer:", seven.Prompt.Query, StringComparison.Ordinal);
        Assert.All(plan.Questions[0].Prompt.Shots, shot => Assert.Matches(@"\nAnswer: [A-J]\n\n\z", shot));
    }
}
