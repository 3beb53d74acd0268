using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>The caching and delegating wrappers over a real llama.cpp model.</summary>
public sealed class CachingModelTests
{
    [Fact]
    public async Task Requests_asked_again_are_answered_from_the_cache_with_the_same_numbers_and_only_misses_reach_the_model()
    {
        var counting = new CountingModel(Models.Load(Models.Llama2Tiny));
        using var cached = counting.WithCache();
        var first = MmluPrompts.Build("anatomy", 3);
        var second = MmluPrompts.Build("anatomy", 4).Select(r => r with { Id = "again/" + r.Id }).ToList();

        var answers = await ScoreAllAsync(cached, first);
        var again = await ScoreAllAsync(cached, second);

        Assert.Equal([3, 1], counting.BatchSizes);
        Assert.Equal(4, cached.Count);
        for (var i = 0; i < 3; i++)
        {
            var original = answers[first[i].Id];
            var fromCache = again[second[i].Id];
            Assert.Equal(original.LogProbabilities, fromCache.LogProbabilities);
            Assert.Equal(original.ShotsUsed, fromCache.ShotsUsed);
            Assert.True(original.TokensDecoded > 0);
            Assert.Equal(0, fromCache.TokensDecoded);
        }

        Assert.True(again[second[3].Id].TokensDecoded > 0);
    }

    [Fact]
    public void A_delegating_model_offers_itself_then_what_the_inner_model_offers_and_disposes_it()
    {
        var inner = Models.Load(Models.Llama2Tiny);
        var counting = new CountingModel(inner);

        using (var cached = counting.WithCache())
        {
            Assert.Same(cached, cached.GetService<CachingLogLikelihoodModel>());
            Assert.Same(counting, cached.GetService<CountingModel>());
            Assert.Same(inner, cached.GetService<LlamaCppModel>());
            Assert.Equal(inner.Info, cached.Info);
        }

        Assert.True(counting.Disposed);
    }

    private static async Task<Dictionary<string, ScoreResponse>> ScoreAllAsync(ILogLikelihoodModel model, IReadOnlyList<ScoreRequest> requests)
    {
        var results = new Dictionary<string, ScoreResponse>(StringComparer.Ordinal);
        await foreach (var answer in model.ScoreAsync(requests))
        {
            results.Add(answer.Id, answer);
        }

        return results;
    }

    /// <summary>Records how many requests each call passes on: a delegating model as a user would write one.</summary>
    private sealed class CountingModel(ILogLikelihoodModel inner) : DelegatingLogLikelihoodModel(inner)
    {
        public List<int> BatchSizes { get; } = [];

        public bool Disposed { get; private set; }

        public override IAsyncEnumerable<ScoreResponse> ScoreAsync(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken = default)
        {
            BatchSizes.Add(requests.Count);
            return base.ScoreAsync(requests, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
