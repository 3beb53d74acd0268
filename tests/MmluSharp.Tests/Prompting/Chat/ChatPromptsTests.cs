using Microsoft.Extensions.AI;
using MmluSharp.Prompting;
using MmluSharp.Prompting.Chat;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Prompting.Chat;

/// <summary>
/// Prompts rendered under a chat template from a file, against goldens written by hand from that template's text
/// (Golden/chat-prompts/turns.jinja: each message as <c>&lt;|role|&gt;\n…&lt;|end|&gt;\n</c>, then <c>&lt;|assistant|&gt;\n</c>).
/// </summary>
public sealed class ChatPromptsTests
{
    private static readonly IChatTemplate Turns = new JinjaChatTemplate(Golden.Read("chat-prompts/turns.jinja"), "file turns.jinja");

    private static PromptedQuestion Question(int shots) => new(
        PromptingData.Test("abstract_algebra", 0),
        PromptBuilder.Build(PromptStyle.Harness, PromptingData.Test("abstract_algebra", 0), PromptingData.Shots("abstract_algebra", shots)),
        PromptStyle.Harness.Continuations(4));

    [Theory]
    [InlineData(0, false, null, "0shot.txt")]
    [InlineData(5, false, null, "5shot.txt")]
    [InlineData(5, true, null, "5shot-multiturn.txt")]
    [InlineData(5, false, "Answer with one letter.", "5shot-system-instruction.txt")]
    public void A_template_from_a_file_renders_the_golden_text(int shots, bool multiturn, string? instruction, string golden)
    {
        var rendered = new ChatPrompts(new ChatPromptOptions(Turns, instruction, multiturn)).Apply(Question(shots));

        Golden.Verify("chat-prompts/" + golden, rendered.Prompt.Text);
        Assert.True(rendered.Prompt.Templated);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_rendered_prompt_keeps_its_shots_so_dropping_them_renders_the_shorter_conversation(bool multiturn)
    {
        var options = new ChatPromptOptions(Turns, null, multiturn);
        var five = new ChatPrompts(options).Apply(Question(5)).Prompt;

        Assert.Equal(5, five.Shots.Count);
        for (var k = 0; k <= 5; k++)
        {
            Assert.Equal(new ChatPrompts(options).Apply(Question(k)).Prompt.Text, five.Render(k));
        }
    }

    [Fact]
    public void Letters_follow_the_assistant_turn_without_the_target_delimiter_as_lm_eval_scores_them()
    {
        var rendered = new ChatPrompts(new ChatPromptOptions(Turns)).Apply(Question(5));

        Assert.Equal(["A", "B", "C", "D"], rendered.Continuations);
        Assert.EndsWith("Answer:<|end|>\n<|assistant|>\n", rendered.Prompt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_template_the_system_instruction_goes_before_the_description_as_text()
    {
        var plain = Question(5);

        var rendered = new ChatPrompts(new ChatPromptOptions(null, "Be brief.")).Apply(plain);

        Assert.Equal("Be brief.\n\n" + plain.Prompt.Text, rendered.Prompt.Text);
        Assert.Equal(plain.Continuations, rendered.Continuations);
        Assert.False(rendered.Prompt.Templated);
    }

    [Fact]
    public void A_template_refusing_the_system_role_is_rendered_again_without_it_as_lm_eval_does()
    {
        var gemma = new JinjaChatTemplate(Golden.Read("chat-templates/gemma.jinja"), "gemma", "<bos>", "<eos>");
        var prompts = new ChatPrompts(new ChatPromptOptions(gemma));

        var rendered = prompts.Apply(Question(0));

        Assert.Equal("<bos><start_of_turn>user\n" + Question(0).Prompt.Query + "<end_of_turn>\n<start_of_turn>model\n", rendered.Prompt.Text);
        Assert.Equal(1, prompts.SystemDropped);
    }

    [Fact]
    public void A_leading_bos_is_dropped_when_the_tokenizer_adds_one()
    {
        var template = new JinjaChatTemplate("{{ bos_token }}{{ messages[0].content }}", "t", "<s>", "</s>", dropLeadingBos: true);

        Assert.Equal("hi", template.Render([new ChatMessage(ChatRole.User, "hi")], true));
    }

    [Fact]
    public void Multiturn_needs_prompts_with_turns()
    {
        var preRendered = Question(0) with { Prompt = new Prompt(string.Empty, ["shot\n\n"], "q") };

        Assert.Throws<ArgumentException>(() => new ChatPrompts(new ChatPromptOptions(Turns, null, true)).Apply(preRendered));
    }
}
