using MmluSharp.Models;
using MmluSharp.Prompting;

namespace MmluSharp.LlamaCpp.Tests;

public sealed class LimitsTests
{
    [Fact]
    public async Task Small_context_drops_the_last_shots_like_evaluate_py()
    {
        using var model = Models.Load(Models.Llama2Tiny, new LlamaCppOptions { ContextSize = 256, ExactKv = true });
        var requests = MmluPrompts.Build("high_school_geography", 8);

        var shared = await model.ScoreAllAsync(requests);
        var scratch = await model.ScoreAllFromScratchAsync(requests);

        Assert.Equal(256, model.Info.ContextLength);
        foreach (var request in requests)
        {
            var used = shared[request.Id].ShotsUsed;
            Assert.InRange(used, 0, 4);
            // The kept prompt fits (the one-token answer is scored, not decoded), one more shot would not.
            var prompt = request.Prompt;
            Assert.True(model.Tokenize(prompt.Render(used)).Length <= 256);
            Assert.True(model.Tokenize(prompt.Render(used + 1)).Length > 256);
            Assert.Equal(used, scratch[request.Id].ShotsUsed);
            Assert.Equal(scratch[request.Id].LogProbabilities[0], shared[request.Id].LogProbabilities[0], 1e-4);
        }
    }

    [Fact]
    public async Task More_questions_than_parallel_sequences_and_suffixes_beyond_the_batch_size()
    {
        // 24 questions, 3 parallel at most; each batch of suffixes is longer than the 32-token decode limit.
        using var model = Models.Load(Models.Stories, new LlamaCppOptions { MaxParallelSequences = 3, BatchSize = 32 });
        var requests = MmluPrompts.Build("high_school_geography", 24, shots: 2);

        var results = await model.ScoreAllAsync(requests);

        Assert.Equal(requests.Count, results.Count);
        Assert.All(results.Values, r => Assert.All(r.LogProbabilities, lp => Assert.True(lp < 0 && double.IsFinite(lp))));
    }

    [Fact]
    public async Task Default_batch_is_split_below_the_batch_size()
    {
        using var model = Models.Load(Models.Llama2Tiny, new LlamaCppOptions { BatchSize = 64 });
        var requests = MmluPrompts.Build("high_school_geography", 40);

        var results = await model.ScoreAllAsync(requests);

        Assert.Equal(requests.Count, results.Count);
    }
}
