using MmluSharp.Prompting;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Prompting;

/// <summary>
/// hendrycks/test <c>evaluate.py</c> prompts. The goldens were written by running evaluate.py's own
/// <c>format_subject</c>/<c>format_example</c>/<c>gen_prompt</c> over the shared CSVs (Python csv module).
/// </summary>
public class OriginalGoldenTests
{
    [Fact]
    public void Original_zero_shot_abstract_algebra_test_question_matches_golden()
    {
        var prompt = PromptBuilder.Build(PromptStyle.Original, PromptingData.Test("abstract_algebra", 0), []);
        Golden.Verify("prompts/original-abstract_algebra-test0-zero-shot.txt", prompt.Text);
    }

    [Fact]
    public void Original_five_shot_abstract_algebra_test_question_matches_golden()
    {
        var prompt = PromptBuilder.Build(
            PromptStyle.Original, PromptingData.Test("abstract_algebra", 0), PromptingData.Shots("abstract_algebra", 5));
        Golden.Verify("prompts/original-abstract_algebra-test0-five-shot.txt", prompt.Text);
    }

    [Fact]
    public void Original_header_has_two_spaces_after_about_because_format_subject_prefixes_each_word()
    {
        var prompt = PromptBuilder.Build(PromptStyle.Original, PromptingData.Test("abstract_algebra", 0), []);
        Assert.Equal("The following are multiple choice questions (with answers) about  abstract algebra.\n\n", prompt.Header);
    }

    [Fact]
    public void Harness_header_has_one_space_after_about()
    {
        var prompt = PromptBuilder.Build(PromptStyle.Harness, PromptingData.Test("abstract_algebra", 0), []);
        Assert.Equal("The following are multiple choice questions (with answers) about abstract algebra.\n\n", prompt.Header);
    }

    [Fact]
    public void Original_keeps_none_choices_as_written_not_as_pandas_nan()
    {
        // evaluate.py reads with pandas, which would turn a cell "None" into NaN ("nan"); QLoRA's file keeps "None".
        var question = PromptingData.Mmlu.Read("val", "conceptual_physics")[16];
        var prompt = PromptBuilder.Build(PromptStyle.Original, question, []);
        Assert.Contains("\nA. None\n", prompt.Query, StringComparison.Ordinal);
    }
}
