using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using MmluSharp.Datasets;
using MmluSharp.Prompting;
using MmluSharp.Scoring;

namespace MmluSharp.Tests.Scoring;

public class GenerativeScorerTests
{
    /// <summary>A hand-written chat client that answers from a table keyed by the question text.</summary>
    private sealed class TableChatClient(Dictionary<string, string> replies) : IChatClient
    {
        public int Calls;

        public IList<string>? StopSequences;

        public int? MaxOutputTokens;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            (StopSequences, MaxOutputTokens) = (options?.StopSequences, options?.MaxOutputTokens);
            var prompt = messages.Single().Text;
            var reply = replies.First(r => prompt.Contains(r.Key, StringComparison.Ordinal)).Value;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply))
            {
                Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 2 },
            });
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static PromptedQuestion Item(int index, string text, int answer)
    {
        var q = new Question("mmlu", "anatomy", "test", index, text, ["w", "x", "y", "z"], answer);
        return new PromptedQuestion(q, PromptBuilder.Build(PromptStyle.Original, q, []), PromptStyle.Original.Continuations(4));
    }

    [Fact]
    public async Task Generated_answers_are_extracted_and_unparseable_ones_count_as_wrong_and_apart()
    {
        var client = new TableChatClient(new()
        {
            ["Q-right"] = "Let me think.\nAnswer: B",
            ["Q-wrong"] = "The answer is (C).",
            ["Q-none"] = "I cannot decide between these.",
        });
        var scorer = new GenerativeScorer(client, new GenerativeOptions { Concurrency = 2 });

        var samples = new List<ScoredSample>();
        await foreach (var s in scorer.ScoreAsync([Item(0, "Q-right", 1), Item(1, "Q-wrong", 0), Item(2, "Q-none", 3)]))
        {
            samples.Add(s);
        }

        var byIndex = samples.ToDictionary(s => s.Sample.Index, s => s.Sample);
        Assert.True(byIndex[0].Correct);
        Assert.Equal("C", byIndex[1].Pred);
        Assert.False(byIndex[1].Correct);
        Assert.True(byIndex[2].Unparsed);
        Assert.False(byIndex[2].Correct);
        Assert.Equal("I cannot decide between these.", byIndex[2].Response);
        Assert.Equal("answer-cue", byIndex[0].Extraction);
        Assert.Equal(36, samples.Sum(s => s.TokensDecoded));
        Assert.Equal(3, client.Calls);
        Assert.Equal("generate", scorer.Method);
    }

    [Fact]
    public async Task Under_tiger_extraction_a_reply_without_a_letter_gets_tigers_guess_and_still_counts_as_unparsed()
    {
        var client = new TableChatClient(new()
        {
            ["Q-right"] = "Step by step... the answer is (B).",
            ["Q-none"] = "hmm, not sure",
            ["Q-guessed-right"] = "no idea",
        });
        var options = new GenerativeOptions { Extractor = AnswerExtractors.Tiger, StopSequences = ["Question:"], MaxOutputTokens = 2048 };
        var scorer = new GenerativeScorer(client, options);

        var samples = new List<ScoredSample>();
        await foreach (var s in scorer.ScoreAsync([Item(0, "Q-right", 1), Item(1, "Q-none", 0), Item(2, "Q-guessed-right", 3)]))
        {
            samples.Add(s);
        }

        var byIndex = samples.ToDictionary(s => s.Sample.Index, s => s.Sample);
        Assert.Equal(("B", "answer-is", true, false), (byIndex[0].Pred, byIndex[0].Extraction, byIndex[0].Correct, byIndex[0].Unparsed));

        // random.seed(12345); random.randint(0, 3) is 3 (D) for every four-option question.
        Assert.Equal(("D", "guess", false, true), (byIndex[1].Pred, byIndex[1].Extraction, byIndex[1].Correct, byIndex[1].Unparsed));
        Assert.Equal(("D", "guess", true, true), (byIndex[2].Pred, byIndex[2].Extraction, byIndex[2].Correct, byIndex[2].Unparsed));
        Assert.Equal(["Question:"], client.StopSequences);
        Assert.Equal(2048, client.MaxOutputTokens);
    }
}
