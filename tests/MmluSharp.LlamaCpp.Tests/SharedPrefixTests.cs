using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Tests;

public sealed class SharedPrefixTests
{
    private static List<ScoreRequest> Requests(int perSubject = 6) =>
        [.. MmluPrompts.Build("high_school_geography", perSubject), .. MmluPrompts.Build("college_physics", perSubject - 1), .. MmluPrompts.Build("anatomy", 1)];

    [Theory]
    [InlineData(Models.Stories)]
    [InlineData(Models.Llama2Tiny)]
    public async Task Shared_prefix_equals_from_scratch_with_exact_kv(string file)
    {
        using var model = Models.Load(file, new LlamaCppOptions { ExactKv = true });
        var requests = Requests();

        var shared = await model.ScoreAllAsync(requests);
        var scratch = await model.ScoreAllFromScratchAsync(requests);

        Assert.Equal(0, model.Statistics.Fallbacks);
        Assert.Equal(3, model.Statistics.PrefixGroups);
        foreach (var request in requests)
        {
            var a = shared[request.Id];
            var b = scratch[request.Id];
            Assert.Equal(b.ShotsUsed, a.ShotsUsed);
            Assert.Equal(4, a.LogProbabilities.Count);
            for (var j = 0; j < 4; j++)
            {
                Assert.True(a.LogProbabilities[j] < 0);
                Assert.True(Math.Abs(a.LogProbabilities[j] - b.LogProbabilities[j]) < 1e-4, $"{request.Id} {j}: {a.LogProbabilities[j]} vs {b.LogProbabilities[j]}");
            }
        }

        // The prefix is decoded once per group, so sharing decodes far fewer tokens.
        Assert.True(shared.Values.Sum(r => r.TokensDecoded) * 2 < scratch.Values.Sum(r => r.TokensDecoded));
    }

    [Fact]
    public async Task Exact_kv_scores_each_question_bit_for_bit_as_decoding_it_alone()
    {
        // The 58M model's numbers move by up to 2e-2 with where a question's cells lie in the cache; with --exact-kv one
        // question is in flight at a time, so its cells lie as they do alone.
        using var model = Models.Load(Models.Synthetic58M, new LlamaCppOptions { ExactKv = true });
        var requests = Requests(perSubject: 4);

        var shared = await model.ScoreAllAsync(requests);
        var scratch = await model.ScoreAllFromScratchAsync(requests);

        Assert.Equal(3, model.Statistics.PrefixGroups);
        Assert.All(requests, r => Assert.Equal(scratch[r.Id].LogProbabilities, shared[r.Id].LogProbabilities));
    }

    [Fact]
    public async Task With_parallel_1_a_question_scores_bit_for_bit_the_same_whichever_questions_share_its_run()
    {
        // Resumed and sharded runs score part of the questions. With the default cache (F16, flash attention) the 58M
        // model's numbers move by up to ~1e-2 with the other questions in flight; with --parallel 1 each batch holds one
        // question's tokens from an empty cache, so they do not move at all.
        using var model = Models.Load(Models.Synthetic58M, new LlamaCppOptions { BatchSize = 256, MaxParallelSequences = 1 });
        var requests = Requests(perSubject: 5);
        var part = requests.Where((_, i) => i % 3 != 0).ToList();

        var whole = await model.ScoreAllAsync(requests);
        var alone = await model.ScoreAllAsync(part);

        Assert.All(part, r => Assert.Equal(whole[r.Id].LogProbabilities, alone[r.Id].LogProbabilities));
    }

    [Theory]
    [InlineData(Models.Stories)]
    [InlineData(Models.Llama2Tiny)]
    public async Task Shared_prefix_argmax_agrees_with_default_options(string file)
    {
        using var model = Models.Load(file);
        var requests = Requests(perSubject: 3);

        var shared = await model.ScoreAllAsync(requests);
        var scratch = await model.ScoreAllFromScratchAsync(requests);

        foreach (var request in requests)
        {
            Assert.Equal(scratch[request.Id].ArgMax(), shared[request.Id].ArgMax());
        }
    }

    [Fact]
    public async Task Same_requests_twice_give_identical_numbers()
    {
        using var model = Models.Load(Models.Llama2Tiny);
        var requests = Requests();

        var first = await model.ScoreAllAsync(requests);
        var second = await model.ScoreAllAsync(requests);

        foreach (var request in requests)
        {
            Assert.Equal(first[request.Id].LogProbabilities, second[request.Id].LogProbabilities);
            Assert.Equal(first[request.Id].TokensDecoded, second[request.Id].TokensDecoded);
        }
    }

    [Fact]
    public async Task Tokens_decoded_counts_the_prefix_once_per_group()
    {
        using var model = Models.Load(Models.Llama2Tiny);
        var requests = MmluPrompts.Build("high_school_geography", 4);

        var results = await model.ScoreAllAsync(requests);

        var prefix = model.Tokenize(requests[0].Prompt.Prefix(5)).Length;
        var full = requests.Select(r => model.Tokenize(r.Prompt.Text).Length).ToList();
        Assert.Equal(full[0], results[requests[0].Id].TokensDecoded);
        for (var i = 1; i < requests.Count; i++)
        {
            Assert.Equal(full[i] - prefix, results[requests[i].Id].TokensDecoded);
        }
    }
}
