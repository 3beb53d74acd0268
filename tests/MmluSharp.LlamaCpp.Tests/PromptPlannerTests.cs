using MmluSharp.LlamaCpp.Scoring;
using MmluSharp.Models;
using MmluSharp.Prompting;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>Truncation with a fake tokenizer: BOS, then one token per character.</summary>
public sealed class PromptPlannerTests
{
    private static int[] Characters(string text) => [1, .. text.Select(ch => (int)ch)];

    [Fact]
    public void Prompt_of_exactly_the_context_size_keeps_its_shots()
    {
        var prompt = new Prompt("H\n", ["S1 A\n", "S2 B\n"], "Q?");
        var request = new ScoreRequest("q", prompt, ["A", "B"]);
        var context = Characters(prompt.Render(2)).Length;

        // The last continuation token is scored from the prompt's logits but never decoded.
        var plan = new PromptPlanner(Characters, context).Plan(request);

        Assert.Equal(2, plan.Shots);
        Assert.Equal(context, plan.PromptTokens.Length);
    }

    [Fact]
    public void Decoded_branch_tokens_still_count()
    {
        var prompt = new Prompt("H\n", ["S1 A\n", "S2 B\n"], "Q?");
        var request = new ScoreRequest("q", prompt, [" A"]);
        var context = Characters(prompt.Render(2)).Length;

        // " A" is two tokens here: its first is decoded in a branch, which needs one more cell than the context.
        var plan = new PromptPlanner(Characters, context).Plan(request);

        Assert.Equal(1, plan.Shots);
    }
}
