using System.Diagnostics;
using System.Runtime.CompilerServices;
using LLama;
using LLama.Native;
using MmluSharp.LlamaCpp.Generation;
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
    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly ScoringEngine _engine;
    private readonly Func<GenerationContext> _createGeneration;
    private GenerationContext? _generation;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    internal LlamaCppModel(
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
    public static LlamaCppModel Load(string path, LlamaCppOptions? options = null) => LlamaCppLoader.Load(path, options, CancellationToken.None);

    /// <summary>As <see cref="Load(string, LlamaCppOptions?)"/>, on the thread pool: hashing and loading a large model take seconds.</summary>
    /// <param name="path">The GGUF file (the first part of a split model).</param>
    /// <param name="options">How to load it; null: the defaults.</param>
    /// <param name="cancellationToken">Stops hashing the file.</param>
    /// <exception cref="ModelLoadException">The file is missing, not a GGUF model, truncated, or llama.cpp refuses it.</exception>
    /// <exception cref="LlamaCppOptionException">An option the model or the machine cannot honour.</exception>
    public static Task<LlamaCppModel> LoadAsync(string path, LlamaCppOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => LlamaCppLoader.Load(path, options, cancellationToken), cancellationToken);

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
        return Pump(ct => PrepareGeneration().Engine.Generate(requests, parallel ?? Options.MaxParallelSequences, ct), cancellationToken);
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

    /// <summary>The generation context, created at the first call (at load for a model loaded for generation).</summary>
    internal GenerationContext PrepareGeneration() => _generation ??= _createGeneration();

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
