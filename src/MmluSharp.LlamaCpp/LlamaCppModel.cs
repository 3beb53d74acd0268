using System.Diagnostics;
using System.Runtime.CompilerServices;
using LLama;
using LLama.Common;
using LLama.Native;
using MmluSharp.LlamaCpp.Batching;
using MmluSharp.LlamaCpp.Generation;
using MmluSharp.LlamaCpp.Gguf;
using MmluSharp.LlamaCpp.Limits;
using MmluSharp.LlamaCpp.Native;
using MmluSharp.LlamaCpp.Scoring;
using MmluSharp.Models;
using MmluSharp.Models.Generation;
using MmluSharp.Prompting.Chat;
using MmluSharp.Results;
using MmluSharp.Running;

namespace MmluSharp.LlamaCpp;

/// <summary>
/// A GGUF model run in-process by llama.cpp (through LLamaSharp), scoring continuations by their summed
/// log-probability, or generating replies (through <see cref="Chat.LlamaCppChatExtensions.AsIChatClient"/>). Requests with
/// the same header and shots share the decoding of that prefix. Calls are serialised: the model is not thread-safe.
/// </summary>
public sealed class LlamaCppModel : ILogLikelihoodModel
{
    // llama.cpp's LLAMA_MAX_SEQ.
    private const int MaxSequenceIds = 256;

    // One question's prompt sequence plus a branch for each of up to 10 multi-token answers.
    private const int MaxSequencesPerQuestion = 11;

    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly ScoringEngine _engine;
    private readonly Func<GenerationContext> _createGeneration;
    private GenerationContext? _generation;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    private LlamaCppModel(
        GgufModelInfo gguf,
        ModelDescription description,
        LLamaWeights weights,
        LLamaContext context,
        ScoringEngine engine,
        Func<GenerationContext> createGeneration,
        LlamaCppOptions options)
    {
        Gguf = gguf;
        Description = description;
        _weights = weights;
        _context = context;
        _engine = engine;
        _createGeneration = createGeneration;
        Options = options;
        Info = new ModelInfo(System.IO.Path.GetFileNameWithoutExtension(gguf.Path), System.IO.Path.GetFullPath(gguf.Path), engine.ContextSize);
    }

    /// <inheritdoc />
    public ModelInfo Info { get; }

    /// <summary>What the file's header says about the model.</summary>
    public GgufModelInfo Gguf { get; }

    /// <summary>The options the model was loaded with.</summary>
    public LlamaCppOptions Options { get; }

    /// <summary>The model as results record it: name, path, size, parameters, tensor type and the SHA-256 of its bytes.</summary>
    public ModelDescription Description { get; }

    internal ScoringStatistics Statistics => _engine.Statistics;

    /// <summary>Where the model's time went since it was loaded, and what it decoded (for profiles and benchmarks).</summary>
    public LlamaCppProfile Profile => LlamaCppProfile.Of(Statistics);

    /// <summary>The engine itself, for tests that drive its batches one by one (bypassing the gate).</summary>
    internal ScoringEngine Engine => _engine;

    /// <summary>The loaded weights (vocabulary, chat template), for the chat client.</summary>
    internal LLamaWeights Weights => _weights;

    /// <summary>The llama.cpp context, for the benchmark's raw decode rates (bypassing the gate).</summary>
    internal SafeLLamaContextHandle NativeContext => _context.NativeHandle;

    /// <summary>
    /// Checks the file's GGUF header (and for a split model, every part's; without native code), hashes its bytes (the
    /// run's identity), then loads the weights on the CPU and creates the context.
    /// </summary>
    /// <param name="path">The GGUF file (the first part of a split model).</param>
    /// <param name="options">How to load it; null: the defaults.</param>
    /// <exception cref="ModelLoadException">The file is missing, not a GGUF model, truncated, or llama.cpp refuses it.</exception>
    /// <exception cref="LlamaCppOptionException">
    /// An option the model or the machine cannot honour: a context beyond the model's training context, a KV cache or
    /// batch larger than the memory available, too many parallel sequences or threads.
    /// </exception>
    public static LlamaCppModel Load(string path, LlamaCppOptions? options = null) => Load(path, options, CancellationToken.None);

    /// <summary>As <see cref="Load(string, LlamaCppOptions?)"/>, on the thread pool: hashing and loading a large model take seconds.</summary>
    /// <param name="path">The GGUF file (the first part of a split model).</param>
    /// <param name="options">How to load it; null: the defaults.</param>
    /// <param name="cancellationToken">Stops hashing the file.</param>
    /// <exception cref="ModelLoadException">The file is missing, not a GGUF model, truncated, or llama.cpp refuses it.</exception>
    /// <exception cref="LlamaCppOptionException">An option the model or the machine cannot honour.</exception>
    public static Task<LlamaCppModel> LoadAsync(string path, LlamaCppOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Load(path, options, cancellationToken), cancellationToken);

    /// <summary>
    /// Loads the GGUF model at <paramref name="path"/>, evaluates it with letter scoring
    /// (<see cref="EvaluationExtensions.EvaluateAsync(ILogLikelihoodModel, EvaluationOptions?, IProgress{RunProgress}?, CancellationToken)"/>)
    /// and frees it: what <c>mmlu run --model</c> does.
    /// </summary>
    /// <param name="path">The GGUF file (the first part of a split model).</param>
    /// <param name="options">What to evaluate; null: 5-shot MMLU from the download cache, in memory.</param>
    /// <param name="llamaOptions">How to load the model; null: the defaults.</param>
    /// <param name="progress">Receives how far the evaluation is.</param>
    /// <param name="cancellationToken">Stops the evaluation; in a run folder everything scored is kept.</param>
    /// <returns>The results of the evaluation.</returns>
    /// <exception cref="ModelLoadException">The file cannot be used.</exception>
    /// <exception cref="OptionException">An option cannot be honoured; names it.</exception>
    public static async Task<RunResults> EvaluateAsync(
        string path,
        EvaluationOptions? options = null,
        LlamaCppOptions? llamaOptions = null,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var plan = EvaluationPlan.Create(options ?? new EvaluationOptions());
        using var model = await LoadAsync(path, llamaOptions, cancellationToken).ConfigureAwait(false);
        return (await model.EvaluateAsync(plan, progress, cancellationToken).ConfigureAwait(false)).Results;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ModelDescription) ? Description
            : serviceType == typeof(GgufModelInfo) ? Gguf
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    private static LlamaCppModel Load(string path, LlamaCppOptions? options, CancellationToken cancellationToken)
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
            // llama.cpp reserves outputs for max(batch outputs, n_seq_max) and asserts (aborting the process)
            // when that exceeds its n_outputs_max = n_batch: keep n_seq_max within the batch size.
            // Each question takes one sequence plus one per multi-token answer (MMLU-Pro has up to 10 options).
            SeqMax = (uint)Math.Min(Math.Min(MaxSequenceIds, batchSize), 1 + ((long)options.MaxParallelSequences * MaxSequencesPerQuestion)),
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
                    model._generation = CreateGeneration();
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

    /// <inheritdoc />
    /// <exception cref="ModelLoadException">
    /// The model computed NaN or +∞ logits (broken weights): the requests answered before stand, none after.
    /// </exception>
    public IAsyncEnumerable<ScoreResponse> ScoreAsync(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Pump(ct => _engine.ScoreShared(requests, ct), cancellationToken);
    }

    /// <summary>The reference path: each prompt decoded in full, alone. For tests and the benchmark.</summary>
    internal IAsyncEnumerable<ScoreResponse> ScoreFromScratchAsync(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken = default) =>
        Pump(ct => _engine.ScoreFromScratch(requests, ct), cancellationToken);

    /// <summary>
    /// Generates replies, at most <see cref="LlamaCppOptions.MaxParallelSequences"/> (or <paramref name="parallel"/>)
    /// questions side by side on copies of their shared prefix.
    /// </summary>
    /// <exception cref="ModelLoadException">The model computed NaN or +∞ logits: the replies finished before stand.</exception>
    internal IAsyncEnumerable<GeneratedReply> GenerateAsync(IReadOnlyList<GenerationRequest> requests, int? parallel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Pump(ct => (_generation ??= _createGeneration()).Engine.Generate(requests, parallel ?? Options.MaxParallelSequences, ct), cancellationToken);
    }

    /// <summary>
    /// The model's own chat template (<c>tokenizer.chat_template</c>) with its BOS and EOS tokens, or null when the file has
    /// none; <paramref name="text"/> replaces the template's text (a template from a file) while keeping the model's tokens.
    /// </summary>
    /// <param name="text">A template's text to use instead of the file's; null: the file's own.</param>
    /// <param name="source">Where <paramref name="text"/> comes from, for results and messages.</param>
    /// <exception cref="ChatTemplateException">The template uses something the interpreter does not support.</exception>
    public IChatTemplate? ChatTemplate(string? text = null, string? source = null)
    {
        var own = text ?? Gguf.ChatTemplate;
        if (own is null)
        {
            return null;
        }

        var vocab = _weights.NativeHandle.Vocab;
        string? Piece(LLamaToken? token) => token is { } t ? vocab.LLamaTokenToString(t, true) : null;
        return new JinjaChatTemplate(
            own, source ?? $"{System.IO.Path.GetFileName(Gguf.Path)} (tokenizer.chat_template)", Piece(vocab.BOS), Piece(vocab.EOS), vocab.ShouldAddBOS);
    }

    internal int[] Tokenize(string text) => TokenizerRules.Tokenize(_weights, text);

    internal int[] Tokenize(string text, bool special) => TokenizerRules.Tokenize(_weights, text, special);

    /// <summary>Frees the context and the weights.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _gate.Wait();
        try
        {
            _disposed = true;
            _generation?.Dispose();
            _context.Dispose();
            _weights.Dispose();
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    // Decodes the next batch on the thread pool. A batch with broken logits yields nothing: the batches before it stand.
    private async Task<bool> NextBatchAsync<T>(IEnumerator<IReadOnlyList<T>> enumerator, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await Task.Run(enumerator.MoveNext, cancellationToken).ConfigureAwait(false);
        }
        catch (NonFiniteLogitsException e)
        {
            throw new ModelLoadException(
                $"{Info.Path}: the model computed logits that are not numbers ({e.Message}); its weights are broken, so none of its scores can be trusted",
                e);
        }
        finally
        {
            Statistics.Busy += Stopwatch.GetElapsedTime(started);
        }
    }

    // Runs the engine's batches on the thread pool, one at a time, holding the gate for the whole enumeration.
    private async IAsyncEnumerable<T> Pump<T>(
        Func<CancellationToken, IEnumerable<IReadOnlyList<T>>> batches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var enumerator = batches(cancellationToken).GetEnumerator();
            while (await NextBatchAsync(enumerator, cancellationToken).ConfigureAwait(false))
            {
                foreach (var result in enumerator.Current)
                {
                    yield return result;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
