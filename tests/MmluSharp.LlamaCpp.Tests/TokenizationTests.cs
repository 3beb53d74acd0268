using MmluSharp.Prompting;

namespace MmluSharp.LlamaCpp.Tests;

public sealed class TokenizationTests
{
    [Fact]
    public void Stories_letters_are_scored_as_the_tail_of_prompt_plus_letter()
    {
        using var model = Models.Load(Models.Stories);
        var prompt = MmluPrompts.Build("anatomy", 1)[0].Prompt.Text;
        var promptTokens = model.Tokenize(prompt);

        int[] Tail(string letter)
        {
            var full = model.Tokenize(prompt + letter);
            var common = promptTokens.AsSpan().CommonPrefixLength(full);
            Assert.Equal(promptTokens.Length, common);
            return full[common..];
        }

        Assert.Equal(2, Tail(" A").Length);
        Assert.Single(Tail(" B"));
        Assert.Equal(2, Tail(" C").Length);
        Assert.Equal(2, Tail(" D").Length);
    }

    [Fact]
    public void Llama2_letters_are_one_token_each()
    {
        using var model = Models.Load(Models.Llama2Tiny);
        var prompt = MmluPrompts.Build("anatomy", 1)[0].Prompt.Text;
        var promptTokens = model.Tokenize(prompt);

        foreach (var letter in MmluPrompts.Letters)
        {
            Assert.Equal(promptTokens.Length + 1, model.Tokenize(prompt + letter).Length);
        }
    }

    [Fact]
    public async Task Multi_token_continuation_sums_its_tokens()
    {
        using var model = Models.Load(Models.Stories, new LlamaCppOptions { ExactKv = true });
        var request = new MmluSharp.Models.ScoreRequest("q", Prompt.PreRendered("Once upon a time"), [" there", " there was", " A"]);

        var result = (await model.ScoreAllAsync([request]))["q"];

        Assert.All(result.LogProbabilities, lp => Assert.True(lp < 0));
        // " there was" = " there" followed by " was": strictly less likely than " there" alone.
        Assert.True(result.LogProbabilities[1] < result.LogProbabilities[0]);
    }
}
