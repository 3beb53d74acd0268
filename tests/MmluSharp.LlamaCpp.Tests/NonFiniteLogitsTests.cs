using MmluSharp.LlamaCpp.Scoring;
using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>A model whose weights hold NaN or infinity stops with one line naming it; what it scored before stands.</summary>
public sealed class NonFiniteLogitsTests : IDisposable
{
    // "▁astronom" in the Llama-2 vocabulary: in every astronomy prompt (its header), in no abstract_algebra prompt.
    private const int AstronomToken = 20932;
    private readonly string _dir = Directory.CreateTempSubdirectory("mmlu-nonfinite-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(float.NaN, "nan")]
    [InlineData(float.PositiveInfinity, "inf")]
    public async Task An_output_weight_that_is_not_a_number_stops_scoring_with_one_line_naming_the_model(float value, string name)
    {
        var path = GgufPatch.Copy(Models.Stories, _dir, $"output-{name}.gguf");
        GgufPatch.FillRows(path, "output.weight", [300], value);
        using var model = LlamaCppModel.Load(path, new LlamaCppOptions { Threads = 1 });

        var e = await Assert.ThrowsAsync<ModelLoadException>(async () => await model.ScoreAllAsync(MmluPrompts.Build("anatomy", 3, shots: 1)));

        Assert.Equal(
            $"{path}: the model computed logits that are not numbers (1 NaN among its 512 logits); its weights are broken, so none of its scores can be trusted",
            e.Message);
    }

    [Fact]
    public async Task Subjects_scored_before_the_broken_logits_keep_exactly_the_healthy_models_scores()
    {
        var path = GgufPatch.Copy(Models.Llama2Tiny, _dir, "embedding-nan.gguf");
        GgufPatch.FillRows(path, "token_embd.weight", [AstronomToken], float.NaN);
        var algebra = MmluPrompts.Build("abstract_algebra", 4);
        var astronomy = MmluPrompts.Build("astronomy", 4);
        using var healthy = Models.Load(Models.Llama2Tiny);
        Assert.All(algebra, r => Assert.DoesNotContain(AstronomToken, healthy.Tokenize(r.Prompt.Render(5) + " D")));
        Assert.All(astronomy, r => Assert.Contains(AstronomToken, healthy.Tokenize(r.Prompt.Render(5))));
        var expected = await healthy.ScoreAllAsync(algebra);

        using var broken = LlamaCppModel.Load(path, new LlamaCppOptions());
        var scored = new List<ScoreResponse>();
        var e = await Assert.ThrowsAsync<ModelLoadException>(async () =>
        {
            await foreach (var result in broken.ScoreAsync([.. algebra, .. astronomy]))
            {
                scored.Add(result);
            }
        });

        Assert.StartsWith($"{path}: the model computed logits that are not numbers (32000 NaN among its 32000 logits)", e.Message, StringComparison.Ordinal);
        Assert.Equal(algebra.Select(r => r.Id), scored.Select(r => r.Id));
        Assert.All(scored, r => Assert.Equal(expected[r.Id].LogProbabilities, r.LogProbabilities));
    }

    [Fact]
    public void Minus_infinity_is_a_legal_log_probability_but_NaN_plus_infinity_or_no_finite_logit_is_not()
    {
        float[] zeroProbability = [float.NegativeInfinity, 0f, 0f];
        Assert.Equal(double.NegativeInfinity, LogSoftmax.Of(zeroProbability, LogSoftmax.LogSumExp(zeroProbability), 0));
        Assert.Equal(-Math.Log(2), LogSoftmax.Of(zeroProbability, LogSoftmax.LogSumExp(zeroProbability), 1), 12);

        foreach (var (row, what) in new (float[], string)[]
        {
            ([float.NaN, 0f, 1f], "1 NaN among its 3 logits"),
            ([float.PositiveInfinity, 0f, 1f], "1 +Infinity among its 3 logits"),
            ([float.NegativeInfinity, float.NegativeInfinity], "only -Infinity among its 2 logits"),
        })
        {
            var e = Assert.Throws<NonFiniteLogitsException>(() => LogSoftmax.Of(row, LogSoftmax.LogSumExp(row), 1));
            Assert.Equal(what, e.Message);
        }
    }
}
