using System.Diagnostics;
using LLama.Native;
using MmluSharp.LlamaCpp;

namespace MmluSharp.Bench;

/// <summary>
/// llama-bench's <c>pp</c> test on a loaded model's own context: <paramref name="tokens"/> tokens in one batch on one
/// sequence, starting at <c>depth</c> cells already decoded, logits for the last token only, in decodes of at most the
/// context's batch size (as llama-bench splits a prompt); one warm-up, then the mean and best of <c>reps</c> timed runs.
/// The cache is cleared after.
/// </summary>
internal static class PromptRate
{
    public static (double Mean, double Best) Measure(LlamaCppModel model, int tokens = 512, int depth = 0, int reps = 5)
    {
        var context = model.NativeContext;
        var random = new Random(512);
        var vocabulary = model.Gguf.VocabularySize;
        var batch = new LLamaBatch();
        var rates = new List<double>();
        context.MemoryClear(true);
        Fill(context, batch, random, vocabulary, 0, depth);
        for (var rep = 0; rep <= reps; rep++)
        {
            context.MemorySequenceRemove(LLamaSeqId.Zero, depth, -1);
            var watch = Stopwatch.StartNew();
            Fill(context, batch, random, vocabulary, depth, tokens, logitsLast: true);
            if (rep > 0)
            {
                rates.Add(tokens / watch.Elapsed.TotalSeconds);
            }
        }

        context.MemoryClear(true);
        return (rates.Average(), rates.Max());
    }

    /// <summary>Decodes <paramref name="count"/> random tokens into sequence 0 from <paramref name="start"/>, a batch at a time.</summary>
    public static void Fill(SafeLLamaContextHandle context, LLamaBatch batch, Random random, int vocabulary, int start, int count, int sequence = 0, bool logitsLast = false)
    {
        var size = (int)context.BatchSize;
        for (var from = 0; from < count; from += size)
        {
            batch.Clear();
            for (var i = from; i < Math.Min(count, from + size); i++)
            {
                batch.Add((LLamaToken)random.Next(vocabulary), start + i, (LLamaSeqId)sequence, logitsLast && i == count - 1);
            }

            Decode(context, batch);
        }
    }

    public static void Decode(SafeLLamaContextHandle context, LLamaBatch batch)
    {
        var result = context.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            throw new InvalidOperationException($"llama_decode failed: {result}");
        }
    }
}
