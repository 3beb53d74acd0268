using MmluSharp;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace EvaluateChatClient.Tests;

/// <summary>What a user's test suite would do: evaluate its <c>IChatClient</c> and require a minimum accuracy.</summary>
public sealed class ChatClientEvaluationTests
{
    [Fact]
    public async Task AChatClientThatAlwaysAnswersCorrectlyScoresAtLeast99PercentOnMmlu()
    {
        var options = new EvaluationOptions { Data = SharedData.Mmlu, Limit = 3 };
        using var client = new AlwaysRightChatClient(new AnswerKey(options));

        var results = await client.EvaluateAsync(options);

        Assert.Equal(57 * 3, results.Overall.N);
        Assert.True(results.Overall.Accuracy >= 0.99, $"accuracy {results.Overall.Accuracy}");
        Assert.Equal(0, results.Overall.Unparsed);
    }
}
