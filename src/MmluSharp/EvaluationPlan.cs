using System.Globalization;
using MmluSharp.Benchmarks;
using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Prompting;
using MmluSharp.Prompting.Chat;
using MmluSharp.Results;
using MmluSharp.Running;

namespace MmluSharp;

/// <summary>
/// The questions of an evaluation with their prompts, in canonical order (subjects alphabetical, rows in file order),
/// built once from <see cref="EvaluationOptions"/>: the benchmark reads its data and renders every prompt, then the
/// options' filters apply. Evaluate it as often as needed (e.g. after each epoch of a training loop).
/// </summary>
public sealed class EvaluationPlan
{
    private readonly IReadOnlyList<PromptedQuestion> plain;
    private readonly IReadOnlyDictionary<string, string> plainSettings;

    internal EvaluationPlan(
        EvaluationOptions options, IBenchmark benchmark, BenchmarkPlan rendered, IReadOnlyList<PromptedQuestion> questions, IReadOnlyDictionary<string, string> settings)
    {
        Options = options;
        Benchmark = benchmark;
        Rendered = rendered;
        plain = questions;
        plainSettings = settings;
        (Questions, Settings, Chat, SystemMessagesDropped) = ChatRendering.Apply(options.Chat, questions, settings);
    }

    // The same questions, prompts and settings under other run options.
    private EvaluationPlan(EvaluationPlan plan, EvaluationOptions options)
    {
        Options = options;
        Benchmark = plan.Benchmark;
        Rendered = plan.Rendered;
        plain = plan.plain;
        plainSettings = plan.plainSettings;
        (Questions, Settings, Chat, SystemMessagesDropped) = (plan.Questions, plan.Settings, plan.Chat, plan.SystemMessagesDropped);
    }

    /// <summary>The options the plan was built from.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>The benchmark that rendered the questions.</summary>
    public IBenchmark Benchmark { get; }

    /// <summary>What the benchmark rendered: split, shots, style, catalogue, analysis, every question before the filters.</summary>
    public BenchmarkPlan Rendered { get; }

    /// <summary>The questions to ask, after <see cref="EvaluationOptions.MaxSamples"/> and <see cref="EvaluationOptions.Shard"/>.</summary>
    public IReadOnlyList<PromptedQuestion> Questions { get; }

    /// <summary>
    /// What identifies the run besides the model (<c>run.json</c>'s settings): a run folder holding samples of other
    /// settings is never resumed with these.
    /// </summary>
    internal IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>How the prompts were rendered as conversations (<see cref="EvaluationOptions.Chat"/>), as results record it; null for plain prompts.</summary>
    public ChatSetup? Chat { get; }

    /// <summary>
    /// How many prompts were rendered without their system message because the chat template refuses one (the
    /// description and any system instruction are then left out, as lm-evaluation-harness does).
    /// </summary>
    public int SystemMessagesDropped { get; }

    /// <summary>Reads the data and renders every question the options select.</summary>
    /// <exception cref="OptionException">An option does not fit the benchmark (names it, e.g. <c>Shots</c>).</exception>
    /// <exception cref="DatasetException">The data is missing or malformed; the message names the file and line.</exception>
    /// <exception cref="Prompting.Chat.ChatTemplateException">The <see cref="EvaluationOptions.Chat"/> template cannot render the prompts.</exception>
    public static EvaluationPlan Create(EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var benchmark = BenchmarkRegistry.Default.Get(options.Benchmark);
        CheckRanges(options);
        var data = options.Data ?? benchmark.DefaultData ?? DatasetCache.Find(benchmark.Name) ?? throw new OptionException(
            nameof(EvaluationOptions.Data),
            $"is not given and no downloaded {benchmark.Name} is in {Path.Combine(DatasetCache.Root, benchmark.Name)}: download it (mmlu datasets download {benchmark.Name}) or name its folder.");
        var request = new PlanRequest(
            data, options.Split, options.Shots, options.Style, options.Subjects, options.Limit, options.MaxSamples, benchmark.Name, options.Grouping, options.Permutation);
        var rendered = benchmark.Plan(request);
        IReadOnlyList<PromptedQuestion> questions = options.MaxSamples is int max ? [.. rendered.Items.Take(max)] : rendered.Items;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["benchmark"] = benchmark.Name,
            ["data"] = Path.GetFullPath(data),
            ["split"] = rendered.Split,
            ["shots"] = rendered.Shots.ToString(CultureInfo.InvariantCulture),
            ["style"] = string.Create(CultureInfo.InvariantCulture, $"{rendered.Style}/v{rendered.StyleVersion}"),
            ["subjects"] = options.Subjects is null ? "all" : string.Join(",", options.Subjects.Order(StringComparer.Ordinal)),
            ["limit"] = options.Limit?.ToString(CultureInfo.InvariantCulture) ?? "none",
            ["max_samples"] = options.MaxSamples?.ToString(CultureInfo.InvariantCulture) ?? "none",
            ["permute"] = options.Permutation ?? "none",
            ["grouping"] = GroupingName(options.Grouping),
        };
        if (options.Shard is { } shard)
        {
            questions = shard.Select(questions);
            settings[Shard.SettingName] = shard.ToString();
        }

        if (questions.Count == 0)
        {
            throw new OptionException(nameof(EvaluationOptions.Subjects), "leave no question to ask: check them, the split and the shard.");
        }

        return new EvaluationPlan(options, benchmark, rendered, questions, settings);
    }

    /// <summary>
    /// The same questions evaluated with other run options (<see cref="EvaluationOptions.OutputFolder"/>,
    /// <see cref="EvaluationOptions.Model"/>, <see cref="EvaluationOptions.Extraction"/>, …), e.g. a run folder per
    /// epoch. The options that select and render the questions must be this plan's.
    /// </summary>
    /// <param name="options">This plan's options with other run options.</param>
    /// <exception cref="OptionException">The options select other questions, or one is out of range.</exception>
    /// <exception cref="Prompting.Chat.ChatTemplateException">Another <see cref="EvaluationOptions.Chat"/> template cannot render the prompts.</exception>
    public EvaluationPlan WithOptions(EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckRanges(options);
        var selecting = options with
        {
            Extraction = Options.Extraction,
            MaxOutputTokens = Options.MaxOutputTokens,
            Concurrency = Options.Concurrency,
            OutputFolder = Options.OutputFolder,
            RescoreChanged = Options.RescoreChanged,
            Model = Options.Model,
            RunSettings = Options.RunSettings,
            CommandLine = Options.CommandLine,
            Invocation = Options.Invocation,
            TimeProvider = Options.TimeProvider,
            Chat = Options.Chat,
        };
        if (!selecting.Equals(Options))
        {
            throw new OptionException(nameof(EvaluationOptions.Benchmark), "and the other options that select the questions must be the plan's; create a new plan for other questions.");
        }

        return Equals(options.Chat, Options.Chat) ? new EvaluationPlan(this, options) : new EvaluationPlan(options, Benchmark, Rendered, plain, plainSettings);
    }

    /// <summary>The options a run's recorded settings (<c>run.json</c>) were built from (its data, split, shots, style, …).</summary>
    internal static EvaluationOptions OptionsFrom(IReadOnlyDictionary<string, string> settings)
    {
        string? Get(string key) => settings.TryGetValue(key, out var value) && value != "none" ? value : null;
        int? Number(string key) => Get(key) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        var style = Get("style");
        var subjects = Get("subjects");
        return new EvaluationOptions
        {
            Data = Get("data") ?? throw new ArgumentException("the run's settings name no data."),
            Split = Get("split") ?? "test",
            Shots = Number("shots") ?? 0,
            Style = style is null ? null : style[..style.LastIndexOf("/v", StringComparison.Ordinal)],
            Subjects = subjects is null or "all" ? null : subjects.Split(','),
            Limit = Number("limit"),
            MaxSamples = Number("max_samples"),
            Benchmark = Get("benchmark") ?? "mmlu",
            Grouping = Get("grouping") == GroupingName(Grouping.Harness) ? Grouping.Harness : Grouping.Original,
            Permutation = Get("permute"),
        };
    }

    /// <summary>The grouping as settings and results name it: <c>original</c> or <c>harness</c>.</summary>
    internal static string GroupingName(Grouping grouping) => grouping == Grouping.Harness ? "harness" : "original";

    /// <summary>What results say about the run besides its samples.</summary>
    internal RunDescription Describe(string scoring, ModelDescription model, RunProvenance provenance) =>
        new(Benchmark.Name, Rendered.Split, Rendered.Shots, Rendered.Style, scoring, model, provenance, Rendered.Catalogue, Rendered.SubjectSizes);

    private static void CheckRanges(EvaluationOptions options)
    {
        static void AtLeast(string option, int? value, int min)
        {
            if (value < min)
            {
                throw new OptionException(option, string.Create(
                    CultureInfo.InvariantCulture, $"must be {(min == 0 ? "0 or more" : "a positive number")}, not {value}."));
            }
        }

        AtLeast(nameof(EvaluationOptions.Shots), options.Shots, 0);
        AtLeast(nameof(EvaluationOptions.Limit), options.Limit, 1);
        AtLeast(nameof(EvaluationOptions.MaxSamples), options.MaxSamples, 1);
        AtLeast(nameof(EvaluationOptions.MaxOutputTokens), options.MaxOutputTokens, 1);
        AtLeast(nameof(EvaluationOptions.Concurrency), options.Concurrency, 1);
    }
}
