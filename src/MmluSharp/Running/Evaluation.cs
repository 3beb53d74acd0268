using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MmluSharp.IO;
using MmluSharp.Models;
using MmluSharp.Models.Generation;
using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Running;

/// <summary>
/// What <see cref="EvaluationExtensions"/> does for either kind of model: picks the scorer, describes the model as
/// results record it, says what identifies the run in a run folder, and runs it (<see cref="EvaluationRun"/>).
/// </summary>
internal static class Evaluation
{
    /// <summary>The reply limit when neither the options nor the prompt style's reference set one.</summary>
    private const int DefaultMaxOutputTokens = 256;

    /// <summary>This library's version, recorded in results.</summary>
    public static string ToolVersion { get; } = typeof(Evaluation).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Letter scoring with <paramref name="model"/>.</summary>
    public static Setup ForModel(ILogLikelihoodModel model, EvaluationPlan plan)
    {
        var description = plan.Options.Model
            ?? model.GetService<ModelDescription>()
            ?? new ModelDescription(model.Info.Name, model.Info.Path, null, null);
        return new Setup(new LetterScorer(model), description, null, () => model.GetService<ApiUsage>());
    }

    /// <summary>Generative scoring with <paramref name="client"/>: greedy, stopping and reading letters as the benchmark's style says.</summary>
    /// <exception cref="OptionException"><see cref="EvaluationOptions.Extraction"/> names no extractor.</exception>
    public static Setup ForChat(IChatClient client, EvaluationPlan plan)
    {
        var options = plan.Options;
        var generation = new GenerativeOptions
        {
            Concurrency = options.Concurrency,
            MaxOutputTokens = options.MaxOutputTokens ?? plan.Rendered.MaxNewTokens ?? DefaultMaxOutputTokens,
            Extractor = AnswerExtractors.Parse(options.Extraction ?? plan.Rendered.DefaultExtraction),
            StopSequences = plan.Rendered.StopSequences,
        };
        var scorer = new GenerativeScorer(client, generation);
        if (client.GetService<IPromptGenerator>() is not null)
        {
            // A local model generates here: results describe its file and the reply's limits, and a run resumed with
            // another length or stop would mix two scorings of its answers.
            var local = options.Model ?? client.GetService<ModelDescription>() ?? Describe(client, generation);
            var identity = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["max_tokens"] = generation.MaxOutputTokens.ToString(CultureInfo.InvariantCulture),
                ["stop"] = JsonSerializer.Serialize(generation.StopSequences),
            };
            return new Setup(scorer, local, generation.Extractor.Name, () => client.GetService<ApiUsage>())
            {
                Generation = new GenerationSettings(generation.MaxOutputTokens, generation.StopSequences),
                Identity = identity,
            };
        }

        var description = options.Model ?? Describe(client, generation);
        return new Setup(scorer, description, generation.Extractor.Name, () => client.GetService<ApiUsage>());
    }

    /// <summary>Runs <paramref name="setup"/> over <paramref name="plan"/>, in memory or in the options' run folder.</summary>
    public static async Task<RunOutcome> RunAsync(Setup setup, EvaluationPlan plan, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var options = plan.Options;
        var provenance = new RunProvenance(
            ToolVersion,
            plan.Rendered.Style,
            plan.Rendered.StyleVersion,
            EvaluationPlan.GroupingName(options.Grouping),
            options.CommandLine ?? string.Empty,
            options.TimeProvider.GetUtcNow(),
            setup.Extraction,
            options.Limit,
            plan.Chat,
            setup.Generation);
        var description = plan.Describe(setup.Scorer.Method, setup.Model, provenance);
        var run = new EvaluationRun(setup.Scorer, options.TimeProvider)
        {
            Invocation = options.Invocation,
            RescoreChanged = options.RescoreChanged,
            Usage = setup.Usage,
        };
        return options.OutputFolder is not { } folder
            ? await run.InMemoryAsync(plan, description, progress, cancellationToken).ConfigureAwait(false)
            : await run.InFolderAsync(plan, description, Identity(plan, setup), folder, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What identifies a run in its folder: the plan's settings, the model (a file's SHA-256, an endpoint's request
    /// parameters but not its URLs, which may change between sessions, else its name), the scoring method and
    /// extractor, and the options' own settings.
    /// </summary>
    private static Dictionary<string, string> Identity(EvaluationPlan plan, Setup setup)
    {
        var identity = new Dictionary<string, string>(plan.Settings, StringComparer.Ordinal);
        var model = setup.Model;
        if (model.Sha256 is { } sha256)
        {
            identity["model_sha256"] = sha256;
        }

        foreach (var (key, value) in model.Endpoint ?? new Dictionary<string, string>())
        {
            if (key != "endpoint")
            {
                identity["api_" + key] = value;
            }
        }

        if (model.Sha256 is null && model.Endpoint is null)
        {
            identity["model"] = model.Name;
        }

        identity["scoring"] = setup.Scorer.Method;
        if (setup.Extraction is { } extraction)
        {
            // A run resumed with another extractor would mix two readings of its answers.
            identity["extract"] = extraction;
        }

        foreach (var (key, value) in (setup.Identity ?? new Dictionary<string, string>()).Concat(plan.Options.RunSettings ?? new Dictionary<string, string>()))
        {
            identity[key] = value;
        }

        return identity;
    }

    /// <summary>
    /// The chat model as results record it: what the client says about itself (its own <see cref="ModelDescription"/>,
    /// else its <see cref="ChatClientMetadata"/>) and the generation parameters sent with every request.
    /// </summary>
    private static ModelDescription Describe(IChatClient client, GenerativeOptions generation)
    {
        var own = client.GetService<ModelDescription>();
        var metadata = client.GetService<ChatClientMetadata>();
        var endpoint = new Dictionary<string, string>(own?.Endpoint ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (own is null)
        {
            Add(endpoint, "endpoint", metadata?.ProviderUri is { } uri ? Urls.WithoutUserInfo(uri).ToString() : null);
            Add(endpoint, "provider", metadata?.ProviderName);
            Add(endpoint, "model", metadata?.DefaultModelId);
        }

        endpoint["temperature"] = "0";
        endpoint["max_tokens"] = generation.MaxOutputTokens.ToString(CultureInfo.InvariantCulture);
        if (generation.StopSequences.Count > 0)
        {
            endpoint["stop"] = JsonSerializer.Serialize(generation.StopSequences);
        }

        var name = own?.Name ?? metadata?.DefaultModelId ?? metadata?.ProviderName ?? client.GetType().Name;
        return (own ?? new ModelDescription(name, null, null, null)) with { Endpoint = endpoint };
    }

    private static void Add(Dictionary<string, string> to, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            to[key] = value;
        }
    }

    /// <summary>A scorer ready to run, the model as results describe it, the extractor's name and the usage counters.</summary>
    internal sealed record Setup(IQuestionScorer Scorer, ModelDescription Model, string? Extraction, Func<ApiUsage?> Usage)
    {
        /// <summary>How a local model generated its replies, for results; null otherwise.</summary>
        public GenerationSettings? Generation { get; init; }

        /// <summary>Settings of the scorer that identify the run besides the model, or null.</summary>
        public IReadOnlyDictionary<string, string>? Identity { get; init; }
    }
}
