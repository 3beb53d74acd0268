using System.Diagnostics;
using LLama;
using LLama.Common;
using LLama.Native;
using MmluSharp.LlamaCpp.Batching;
using MmluSharp.LlamaCpp.Generation;
using MmluSharp.LlamaCpp.Limits;
using MmluSharp.LlamaCpp.Native;
using MmluSharp.LlamaCpp.Scoring;

namespace MmluSharp.LlamaCpp;

/// <summary>
/// Loads a <see cref="LlamaCppModel"/>: checks the header and the options against the machine, hashes the file, loads
/// the weights and creates letter scoring's context (and, for <see cref="LlamaCppOptions.ForGeneration"/>, generation's).
/// </summary>
internal static class LlamaCppLoader
{
    // One question's prompt sequence plus a branch for each of up to 10 multi-token answers.
    private const int MaxSequencesPerQuestion = 11;

    public static LlamaCppModel Load(string path, LlamaCppOptions? options, CancellationToken cancellationToken)
    {
        options ??= new LlamaCppOptions();
        options.Validate();
        var headers = GgufInspector.ReadSet(path);
        var header = headers[0];
        var gguf = GgufInspector.Describe(headers);
        var contextSize = options.ResolveContextSize(gguf.ContextLength);
        var cacheSize = options.ResolveCacheSize(contextSize);
        var batchSize = Math.Min(options.BatchSize, contextSize);
        ModelLimits.Check(options, header, gguf, contextSize, batchSize, MachineMemory.AvailableBytes());
        int Streams() => ModelLimits.GenerationStreams(options, header, contextSize, batchSize, MachineMemory.AvailableBytes());

        // Loaded for generation: its streams now, so that a cache too large is refused before loading.
        int? streams = options.GenerationTokens is null ? null : Streams();
        var description = ModelFiles.Describe(path, gguf, cancellationToken);

        NativeEnvironment.EnsurePassiveWait();
        NativeLog.Install();

        var parameters = new ModelParams(path)
        {
            // With a unified cache llama.cpp's n_ctx is the cells of all sequences together; each sequence is kept within
            // contextSize by the planner. Generation has a context of its own (GenerationContext).
            ContextSize = (uint)cacheSize,
            BatchSize = (uint)batchSize,
            UBatchSize = (uint)batchSize,
            // Each question takes one sequence plus one per multi-token answer (MMLU-Pro has up to 10 options).
            SeqMax = (uint)Math.Min(ModelLimits.SequenceIds(batchSize), 1 + ((long)options.MaxParallelSequences * MaxSequencesPerQuestion)),
            KVUnified = true,
            Threads = options.Threads,
            BatchThreads = options.Threads,
            GpuLayerCount = 0,
        };
        if (options.ExactKv)
        {
            parameters.TypeK = GGMLType.GGML_TYPE_F32;
            parameters.TypeV = GGMLType.GGML_TYPE_F32;
            parameters.FlashAttention = false;
        }

        LLamaWeights? weights = null;
        try
        {
            NativeLog.ClearLastError();
            var loading = Stopwatch.GetTimestamp();
            weights = LLamaWeights.LoadFromFile(parameters);
            var context = weights.CreateContext(parameters);
            var handle = context.NativeHandle;
            var loaded = weights;
            var tokenizer = new PromptTokenizer(text => TokenizerRules.Tokenize(loaded, text), TokenizerRules.Of(weights));
            var templated = new PromptTokenizer(text => TokenizerRules.Tokenize(loaded, text, special: true), NewlineRule.None);
            // llama.cpp rounds n_ctx up (to a multiple of 256): truncate at the context asked for, as evaluate.py does.
            var perSequence = (int)Math.Min(contextSize, handle.ContextSize);
            var planner = new PromptPlanner(tokenizer, perSequence, templated);
            var statistics = new ScoringStatistics { Loading = Stopwatch.GetElapsedTime(loading) };
            var batch = new TokenBatch(handle, (int)Math.Min(handle.BatchSize, handle.UBatchSize), statistics);
            var scheduler = new DecodeScheduler(handle, batch, new SequencePool((int)handle.MaxSeq), (int)handle.ContextSize, options.MaxParallelSequences);
            // --exact-kv, and --parallel 1 as before the streaming scheduler: every batch holds one question's tokens
            // (or one prefix's), so a question's numbers do not depend on which others the run holds (a resumed or
            // sharded run equals an uninterrupted one).
            var engine = new ScoringEngine(planner, scheduler, options.ExactKv || options.MaxParallelSequences == 1, statistics);
            GenerationContext CreateGeneration() => GenerationContext.Create(loaded, path, options, perSequence, batchSize, streams ?? Streams(), statistics);
            var model = new LlamaCppModel(gguf, description, weights, context, engine, CreateGeneration, options);
            if (streams is not null)
            {
                try
                {
                    model.PrepareGeneration();
                }
                catch
                {
                    model.Dispose();
                    throw;
                }
            }

            return model;
        }
        catch (Exception e) when (e is not (OutOfMemoryException or ModelLoadException))
        {
            weights?.Dispose();
            var why = NativeLog.LastError ?? e.Message;
            throw new ModelLoadException($"{path}: llama.cpp could not load the model ({why})", e);
        }
    }
}
