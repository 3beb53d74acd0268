using MmluSharp.Datasets;
using MmluSharp.Results;
using MmluSharp.Running;

namespace MmluSharp;

/// <summary>
/// What to evaluate and how: the benchmark and its data, the split, shots, prompt style and questions, how generated
/// answers are read, and where the samples go (memory, or a resumable run folder). The defaults are a 5-shot MMLU test
/// run in the <c>original</c> style on the copy <c>mmlu datasets download</c> put in the cache, kept in memory.
/// Every option is checked when the evaluation starts; a bad one is an <see cref="OptionException"/> that names it.
/// </summary>
public sealed record EvaluationOptions
{
    /// <summary>The registered benchmark's name (<see cref="Benchmarks.BenchmarkRegistry"/>), e.g. <c>mmlu</c> or <c>cmmlu</c>.</summary>
    public string Benchmark { get; init; } = "mmlu";

    /// <summary>
    /// The benchmark's data (a folder, or for MMLU a QLoRA JSON-lines file); null: the benchmark's own
    /// (<see cref="Benchmarks.IBenchmark.DefaultData"/>), else the downloaded copy in <see cref="Datasets.Download.DatasetCache"/>.
    /// </summary>
    public string? Data { get; init; }

    /// <summary>The split to ask, e.g. <c>test</c>; each benchmark says which it has.</summary>
    public string Split { get; init; } = "test";

    /// <summary>Few-shot examples before each question, from the benchmark's few-shot split.</summary>
    public int Shots { get; init; } = 5;

    /// <summary>The prompt style's name; null: the benchmark's default (the first of its styles).</summary>
    public string? Style { get; init; }

    /// <summary>Only these subjects; null: all.</summary>
    public IReadOnlyList<string>? Subjects { get; init; }

    /// <summary>Only the first N questions of each subject; null: all.</summary>
    public int? Limit { get; init; }

    /// <summary>Only the first N questions overall, after the other filters (QLoRA's <c>max_mmlu_samples</c>); null: all.</summary>
    public int? MaxSamples { get; init; }

    /// <summary><c>cyclic</c>: also ask every question with its options rotated (answer-order robustness); null: as written.</summary>
    public string? Permutation { get; init; }

    /// <summary>How subjects group into categories (MMLU and MMLU-Redux).</summary>
    public Grouping Grouping { get; init; } = Grouping.Original;

    /// <summary>Only slice <see cref="Shard.Index"/> of <see cref="Shard.Count"/> of the questions; null: all.</summary>
    public Shard? Shard { get; init; }

    /// <summary>
    /// The prompts rendered as conversations, as lm-evaluation-harness' <c>--apply_chat_template</c>,
    /// <c>--system_instruction</c> and <c>--fewshot_as_multiturn</c>; null: plain prompts. Unlike the other options
    /// that shape the prompts, it may change in <see cref="EvaluationPlan.WithOptions"/> (e.g. to the template of a
    /// model loaded after the plan was read); results record it and a run folder is never resumed with another.
    /// </summary>
    public Prompting.Chat.ChatPromptOptions? Chat { get; init; }

    /// <summary>
    /// For an <c>IChatClient</c>: how the letter is read from each answer (<c>last</c> or <c>tiger</c>); null: the
    /// benchmark's default.
    /// </summary>
    public string? Extraction { get; init; }

    /// <summary>For an <c>IChatClient</c>: the longest answer asked for; null: the prompt style's reference limit, else 256.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>For an <c>IChatClient</c>: questions asked at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>
    /// A run folder for <c>samples.jsonl</c>, <c>run.json</c>, <c>results.json</c> and the reports: held exclusively
    /// while the evaluation runs, resumed where it stopped, refused when it holds another run. Null: memory only.
    /// </summary>
    public string? OutputFolder { get; init; }

    /// <summary>
    /// On resuming a run folder whose data changed since it started: drop the samples that no longer match and score
    /// those questions again, instead of refusing the folder.
    /// </summary>
    public bool RescoreChanged { get; init; }

    /// <summary>How results describe the model; null: what the model says about itself.</summary>
    public ModelDescription? Model { get; init; }

    /// <summary>
    /// Settings that identify the run besides the data and the model (e.g. a checkpoint), added to <c>run.json</c>:
    /// a run folder is never resumed under other settings.
    /// </summary>
    public IReadOnlyDictionary<string, string>? RunSettings { get; init; }

    /// <summary>The command line recorded in the results (<c>run.command_line</c>); null: none.</summary>
    public string? CommandLine { get; init; }

    /// <summary>The command that runs this evaluation, recorded in <c>run.json</c> so a merge can say how to finish a shard.</summary>
    public RunInvocation? Invocation { get; init; }

    /// <summary>The clock of the run's date and timing.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
