using MmluSharp.Models.Generation;
using MmluSharp.Prompting;

namespace MmluSharp.LlamaCpp.Tests.Generation;

public sealed class GenerationEngineTests
{
    private static LlamaCppModel Load() =>
        Models.Load(Models.Stories, new LlamaCppOptions { MaxParallelSequences = 4 });

    // Each question decodes on a KV stream of its own, its cells laid out as when alone, and flash attention is off (its
    // CPU kernels take another path for one query than for many: stories260K's replies then differ here).
    [Fact]
    public async Task Side_by_side_replies_equal_one_question_at_a_time()
    {
        using var model = Load();
        var requests = Generations.MmluProCot(perCategory: 3, categories: 2, maxTokens: 24);

        var batched = await model.GenerateAllAsync(requests, parallel: 4);
        var alone = await model.GenerateAllAsync(requests, parallel: 1);

        Assert.Equal(requests.Count, batched.Count);
        foreach (var request in requests)
        {
            Assert.Equal(alone[request.Id].Text, batched[request.Id].Text);
            Assert.Equal(alone[request.Id].ShotsUsed, batched[request.Id].ShotsUsed);
            Assert.Equal(alone[request.Id].Finish, batched[request.Id].Finish);
            Assert.Equal(alone[request.Id].GeneratedTokens, batched[request.Id].GeneratedTokens);
            Assert.InRange(batched[request.Id].GeneratedTokens, 1, 24);
        }
    }

    // Replies that stop at different steps free their sequences at different times: the questions waiting (of the
    // next category too, on another prefix) join on the sequences freed, and the last ones finish on scattered sequences.
    [Fact]
    public async Task Questions_joining_as_others_stop_across_categories_reply_as_they_would_alone()
    {
        using var model = Load();
        var requests = Generations.MmluProCot(perCategory: 4, categories: 3, maxTokens: 32, stop: [".", "!"]);

        var batched = await model.GenerateAllAsync(requests, parallel: 3);
        var alone = await model.GenerateAllAsync(requests, parallel: 1);

        Assert.All(requests, r => Assert.Equal(alone[r.Id].Text, batched[r.Id].Text));
        Assert.All(requests, r => Assert.Equal(alone[r.Id].GeneratedTokens, batched[r.Id].GeneratedTokens));
        Assert.True(batched.Values.Select(r => r.GeneratedTokens).Distinct().Count() > 2, "the replies should stop at different steps");
        Assert.Contains(batched.Values, r => r.Finish == GenerationFinish.Stop);
    }

    [Fact]
    public async Task The_same_requests_give_the_same_replies_every_time()
    {
        using var model = Load();
        var requests = Generations.MmluProCot(perCategory: 3, categories: 2, maxTokens: 16);

        var first = await model.GenerateAllAsync(requests);
        var second = await model.GenerateAllAsync(requests);

        Assert.All(requests, r => Assert.Equal(first[r.Id].Text, second[r.Id].Text));
        Assert.Contains(first.Values, r => r.Text.Any(char.IsLetter));
    }

    [Fact]
    public async Task A_reply_ends_at_its_most_tokens_or_before_its_stop_string()
    {
        using var model = Load();
        var open = Generations.MmluProCot(perCategory: 2, categories: 1, maxTokens: 40);
        var replies = await model.GenerateAllAsync(open);
        var text = replies[open[0].Id].Text;
        Assert.Equal(GenerationFinish.Length, replies[open[0].Id].Finish);
        Assert.Equal(40, replies[open[0].Id].GeneratedTokens);

        // Stop at a word the model wrote in the middle of its reply: the reply is the text before it.
        var word = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).First(w => w.Length > 2);
        var at = text.IndexOf(word, StringComparison.Ordinal);
        var stopped = await model.GenerateAllAsync([open[0] with { Stop = [word] }]);

        Assert.Equal(text[..at], stopped[open[0].Id].Text);
        Assert.Equal(GenerationFinish.Stop, stopped[open[0].Id].Finish);
    }

    [Fact]
    public async Task A_prompt_keeps_only_the_shots_that_leave_room_for_the_reply()
    {
        using var model = Models.Load(Models.Stories, new LlamaCppOptions { ContextSize = 1024, CacheSize = 4096 });
        var request = Generations.MmluProCot(perCategory: 1, categories: 1, maxTokens: 200)[0];

        var reply = (await model.GenerateAllAsync([request]))[request.Id];

        Assert.True(reply.ShotsUsed < 5);
        Assert.True(reply.PromptTokens + 200 <= 1024);
        Assert.True(model.Tokenize(request.Prompt.Render(reply.ShotsUsed + 1)).Length + 200 > 1024);
    }

    [Fact]
    public async Task A_zero_shot_prompt_longer_than_the_context_keeps_its_last_tokens()
    {
        using var model = Models.Load(Models.Stories, new LlamaCppOptions { ContextSize = 64 });
        var request = new GenerationRequest("long", Prompt.PreRendered(string.Concat(Enumerable.Repeat("Once upon a time there was a cat. ", 20))), 8, []);

        var reply = (await model.GenerateAllAsync([request]))["long"];

        Assert.Equal(56, reply.PromptTokens);
        Assert.True(reply.TruncatedTokens > 0);
        Assert.Equal(model.Tokenize(request.Prompt.Text).Length - 56, reply.TruncatedTokens);
    }
}
