using LLama;
using LLama.Common;
using LLama.Native;
using MmluSharp.Models;
using MmluSharp.Prompting;
using MmluSharp.Testing;

namespace MmluSharp.LlamaCpp.Tests;

/// <summary>A zero-shot prompt longer than the context keeps its last tokens, as lm-evaluation-harness' HFLM does.</summary>
public sealed class LeftTruncationTests
{
    private const int Context = 256;

    private static ScoreRequest LongRequest(string id, int words) =>
        new(id, new Prompt("Header\n\n", ["Shot one.\nAnswer: A\n\n"], string.Concat(Enumerable.Repeat("word ", words)) + "Answer:"), MmluPrompts.Letters);

    [Fact]
    public async Task Each_answer_is_scored_on_the_last_context_tokens_of_prompt_plus_answer_exactly_as_lm_eval_keeps_them()
    {
        var options = new LlamaCppOptions { ContextSize = Context, ExactKv = true, Threads = 1 };
        using var model = Models.Load(Models.Stories, options);
        var request = LongRequest("long", 600);

        var scored = (await model.ScoreAllAsync([request]))["long"];

        // lm-eval: inp = (context_enc + continuation_enc)[-(max_length + 1):][:-1]; the continuation's log-probs are read
        // from the last len(continuation_enc) positions. context_enc = tokens(prompt), with BOS; whole = tokens(prompt + answer).
        var context = model.Tokenize(request.Prompt.Render(0));
        var expected = new double[4];
        var dropped = 0;
        for (var j = 0; j < 4; j++)
        {
            var whole = model.Tokenize(request.Prompt.Render(0) + MmluPrompts.Letters[j]);
            Assert.Equal(context, whole[..context.Length]);
            var continuation = whole[context.Length..];
            var input = whole[^(Context + 1)..^1];
            dropped = Math.Max(dropped, whole.Length - 1 - Context);
            expected[j] = Reference(input, continuation);
        }

        Assert.Equal(0, scored.ShotsUsed);
        Assert.True(context.Length > 1000);
        Assert.Equal(dropped, scored.TruncatedTokens);
        for (var j = 0; j < 4; j++)
        {
            Assert.Equal(expected[j], scored.LogProbabilities[j], 1e-4);
        }
    }

    [Fact]
    public async Task Truncated_and_fitting_questions_of_one_group_score_as_they_do_alone()
    {
        var options = new LlamaCppOptions { ContextSize = Context, ExactKv = true, Threads = 1 };
        using var model = Models.Load(Models.Stories, options);
        List<ScoreRequest> requests = [LongRequest("short", 10), LongRequest("long", 400), LongRequest("short2", 20), LongRequest("edge", 236)];

        var shared = await model.ScoreAllAsync(requests);
        var scratch = await model.ScoreAllFromScratchAsync(requests);

        Assert.Equal(0, shared["short"].TruncatedTokens);
        Assert.Equal(1, shared["short"].ShotsUsed);
        Assert.True(shared["long"].TruncatedTokens > 0);
        foreach (var request in requests)
        {
            Assert.Equal(scratch[request.Id].TruncatedTokens, shared[request.Id].TruncatedTokens);
            Assert.Equal(scratch[request.Id].ShotsUsed, shared[request.Id].ShotsUsed);
            for (var j = 0; j < 4; j++)
            {
                Assert.Equal(scratch[request.Id].LogProbabilities[j], shared[request.Id].LogProbabilities[j], 1e-4);
            }
        }

        Assert.Equal(2 * requests.Count(r => shared[r.Id].TruncatedTokens > 0), model.Statistics.LeftTruncated);
    }

    [Fact]
    public async Task An_answer_longer_than_the_context_is_an_option_error_naming_the_request()
    {
        using var model = Models.Load(Models.Stories, new LlamaCppOptions { ContextSize = 4, Threads = 1 });
        var request = new ScoreRequest("q", new Prompt("H\n\n", [], "Question?\nAnswer:"), [" the longest answer of all"]);

        var e = await Assert.ThrowsAsync<LlamaCppOptionException>(async () => await model.ScoreAllAsync([request]));

        Assert.StartsWith("ContextSize 4: too small for request 'q': its continuation ' the longest answer of all' alone takes ", e.Message, StringComparison.Ordinal);
    }

    // Plain LLamaSharp, one sequence, no sharing: decode the input and sum log-softmax at the continuation's positions.
    private static double Reference(int[] input, int[] continuation)
    {
        var parameters = new ModelParams(SharedData.Model(Models.Stories))
        {
            ContextSize = Context, BatchSize = Context, UBatchSize = Context, Threads = 1, GpuLayerCount = 0,
            TypeK = GGMLType.GGML_TYPE_F32, TypeV = GGMLType.GGML_TYPE_F32, FlashAttention = false,
        };
        using var weights = LLamaWeights.LoadFromFile(parameters);
        using var context = weights.CreateContext(parameters);
        var batch = new LLamaBatch();
        var first = input.Length - continuation.Length;
        for (var i = 0; i < input.Length; i++)
        {
            batch.Add((LLamaToken)input[i], i, LLamaSeqId.Zero, i >= first);
        }

        Assert.Equal(DecodeResult.Ok, context.NativeHandle.Decode(batch));
        var sum = 0.0;
        for (var t = 0; t < continuation.Length; t++)
        {
            var logits = context.NativeHandle.GetLogitsIth(first + t);
            var max = logits.ToArray().Max();
            var lse = max + Math.Log(logits.ToArray().Sum(x => Math.Exp(x - max)));
            sum += logits[continuation[t]] - lse;
        }

        return sum;
    }
}
