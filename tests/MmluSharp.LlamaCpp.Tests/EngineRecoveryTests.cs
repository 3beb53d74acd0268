using MmluSharp.Models;
using MmluSharp.Prompting;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>The engine after a cancellation, with few sequences, and with a context llama.cpp rounds up.</summary>
public sealed class EngineRecoveryTests
{
    [Fact]
    public async Task Cancelled_scoring_leaves_nothing_behind_for_the_next_call()
    {
        var options = new LlamaCppOptions { BatchSize = 8, MaxParallelSequences = 2, ExactKv = true };
        var requests = MmluPrompts.Build("anatomy", 6, shots: 1);
        using var fresh = Models.Load(Models.Stories, options);
        var expected = await fresh.ScoreAllAsync(requests);

        using var model = Models.Load(Models.Stories, options);
        using var cancel = new CancellationTokenSource();
        using (var batches = model.Engine.ScoreShared(requests, cancel.Token).GetEnumerator())
        {
            // The first batch of two questions is scored, then the second is cancelled inside its decode loop.
            Assert.True(batches.MoveNext());
            await cancel.CancelAsync();
            Assert.ThrowsAny<OperationCanceledException>(() => batches.MoveNext());
        }

        var again = await model.ScoreAllAsync(requests);

        Assert.All(requests, r => Assert.Equal(expected[r.Id].LogProbabilities, again[r.Id].LogProbabilities));
    }

    [Fact]
    public async Task Question_with_more_branches_than_fit_beside_the_prefix_is_scored_alone()
    {
        // Batch size 4 allows 4 sequences; a Stories question needs 4 (3 of its letters are 2 tokens), 5 with the prefix.
        using var model = Models.Load(Models.Stories, new LlamaCppOptions { BatchSize = 4, ExactKv = true });
        var requests = MmluPrompts.Build("anatomy", 2, shots: 1);

        var shared = await model.ScoreAllAsync(requests);
        var scratch = await model.ScoreAllFromScratchAsync(requests);

        Assert.All(requests, r => Assert.Equal(scratch[r.Id].LogProbabilities, shared[r.Id].LogProbabilities));
    }

    [Fact]
    public async Task Question_needing_more_sequences_than_the_batch_allows_is_a_clear_error()
    {
        using var model = Models.Load(Models.Stories, new LlamaCppOptions { BatchSize = 3 });
        var requests = MmluPrompts.Build("anatomy", 1, shots: 1);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () => await model.ScoreAllAsync(requests));

        Assert.Contains("needs 4 sequences", e.Message, StringComparison.Ordinal);
        Assert.Contains("allows 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_is_the_size_asked_for_not_llama_cpp_rounded_one()
    {
        using var model = Models.Load(Models.Llama2Tiny, new LlamaCppOptions { ContextSize = 300 });
        var requests = MmluPrompts.Build("high_school_geography", 3);

        var results = await model.ScoreAllAsync(requests);

        Assert.Equal(300, model.Info.ContextLength);
        Assert.Contains(results.Values, r => r.ShotsUsed < 5);
        foreach (var request in requests)
        {
            var used = results[request.Id].ShotsUsed;
            Assert.True(model.Tokenize(request.Prompt.Render(used)).Length <= 300);
            if (used < request.Prompt.Shots.Count)
            {
                Assert.True(model.Tokenize(request.Prompt.Render(used + 1)).Length > 300);
            }
        }
    }

    [Fact]
    public void Invalid_option_is_a_one_line_argument_error()
    {
        var e = Assert.Throws<OptionException>(() => Models.Load(Models.Stories, new LlamaCppOptions { BatchSize = 0 }));

        Assert.Equal("BatchSize must be positive, not 0.", e.Message);
    }
}
