using MmluSharp.Prompting;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.OpenAI.Tests;

public sealed class MmluTests
{
    [Fact]
    public async Task Letter_scoring_of_real_prompts_predicts_the_argmax()
    {
        var plan = TestPlans.Build(new PlanRequest(SharedData.Mmlu, "val", 5, PromptStyle.Original.Name, ["abstract_algebra"]));
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server));

        var samples = (await model.EvaluateAsync(plan)).Samples;

        Assert.Equal(plan.Questions.Count, samples.Count);
        foreach (var item in plan.Questions)
        {
            var sample = samples.Single(s => s.Index == item.Question.Index);
            var expected = FakeServer.LetterLogprobs(item.Prompt.Text);
            Assert.Equal("ABCD"[Array.IndexOf(expected, expected.Max())].ToString(), sample.Pred);
            Assert.Equal(5, sample.ShotsUsed);
        }
    }
}
