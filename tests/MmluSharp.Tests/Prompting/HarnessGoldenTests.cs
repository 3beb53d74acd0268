using MmluSharp.Prompting;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Prompting;

/// <summary>
/// The golden strings of lm-evaluation-harness' <c>tests/test_prompt.py</c> (MMLU_ANATOMY_ZERO_SHOT and
/// MMLU_ANATOMY_FIVE_SHOT), copied verbatim into Golden/prompts/lm-eval-anatomy-*.txt, rebuilt from the shared CSVs.
/// </summary>
public class HarnessGoldenTests
{
    [Fact]
    public void Harness_zero_shot_anatomy_matches_lm_eval_test_prompt_golden()
    {
        var prompt = PromptBuilder.Build(PromptStyle.Harness, PromptingData.Test("anatomy", 0), []);
        Golden.Verify("prompts/lm-eval-anatomy-zero-shot.txt", prompt.Text);
    }

    [Fact]
    public void Harness_five_shot_anatomy_matches_lm_eval_test_prompt_golden()
    {
        var prompt = PromptBuilder.Build(
            PromptStyle.Harness, PromptingData.Test("anatomy", 0), PromptingData.Shots("anatomy", 5));
        Golden.Verify("prompts/lm-eval-anatomy-five-shot.txt", prompt.Text);
    }

    [Fact]
    public void Harness_prompt_parts_split_at_header_and_each_shot()
    {
        var prompt = PromptBuilder.Build(
            PromptStyle.Harness, PromptingData.Test("anatomy", 0), PromptingData.Shots("anatomy", 5));
        Assert.Equal("The following are multiple choice questions (with answers) about anatomy.\n\n", prompt.Header);
        Assert.Equal(5, prompt.Shots.Count);
        Assert.All(prompt.Shots, shot => Assert.Matches(@"\nAnswer: [ABCD]\n\n\z", shot));
        Assert.StartsWith("What is the embryological origin of the hyoid bone?\n", prompt.Shots[0], StringComparison.Ordinal);
        Assert.StartsWith("A lesion causing", prompt.Query, StringComparison.Ordinal);
        Assert.EndsWith("\nAnswer:", prompt.Query, StringComparison.Ordinal);
        Assert.Equal(prompt.Header + string.Concat(prompt.Shots.Take(2)) + prompt.Query, prompt.Render(2));
    }
}
