using System.ComponentModel;
using System.Globalization;
using MmluSharp.Benchmarks;
using MmluSharp.Cli.Terminal;
using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

/// <summary>The options every command that reads questions shares.</summary>
internal class DataSettings : CommandSettings
{
    [CommandOption("--benchmark <NAME>")]
    [RegistryDescription("The benchmark: {benchmarks} (mmlu by default), or a benchmark spec file of your own (e.g. capitals.json: CSV files in MMLU's layout; see the README). Its data comes from --data, else from the spec, else from 'mmlu datasets download'.")]
    [DefaultValue("mmlu")]
    public string Benchmark { get; init; } = "mmlu";

    [CommandOption("--data <PATH>")]
    [Description("The benchmark's data. MMLU: a folder in the original layout (dev/, val/, test/ with <subject>_<split>.csv) or a QLoRA JSON-lines file of pre-rendered prompts. Default: the copy 'mmlu datasets download' put in the cache.")]
    public string? Data { get; init; }

    [CommandOption("--split <SPLIT>")]
    [RegistryDescription("The split to ask ({splits}).")]
    [DefaultValue("test")]
    public string Split { get; init; } = "test";

    [CommandOption("--shots <K>")]
    [Description("Few-shot examples: the first K rows of the subject's dev file (MMLU-FS is 5, MMLU-ZS is 0).")]
    [DefaultValue(5)]
    public int Shots { get; init; } = 5;

    [CommandOption("--style <STYLE>")]
    [RegistryDescription("Prompt style, the first of each benchmark's being its default ({styles}). original: hendrycks/test evaluate.py (QLoRA); harness: lm-evaluation-harness' task; cmmlu: haonan-li/CMMLU mp_utils.py; cot: TIGER-AI-Lab/MMLU-Pro evaluate_from_local.py at commit 7478e26 (chain of thought, for --scoring generate); mmlu-pro's harness: lm-evaluation-harness mmlu_pro task version 3.1 (chain of thought, for --scoring generate); letter: our own, for letter scoring. A harness style asked on its few-shot split (dev; validation for mmlu-pro) leaves each question out of its own examples, as lm-eval's first_n sampler does.")]
    public string? Style { get; init; }

    [CommandOption("--subjects <LIST>")]
    [Description("Comma-separated subjects, e.g. anatomy,virology (default: all).")]
    public string? Subjects { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Only the first N questions of each subject.")]
    public int? Limit { get; init; }

    [CommandOption("--permute <HOW>")]
    [Description("cyclic: also ask every question with its options rotated (4 orders) and report accuracy per order, answers that stay the same and the letter bias.")]
    public string? Permute { get; init; }

    [CommandOption("--max-samples <N>")]
    [Description("Only the first N questions overall (QLoRA's max_mmlu_samples, e.g. with its JSON files).")]
    public int? MaxSamples { get; init; }

    public override ValidationResult Validate()
    {
        IBenchmark? benchmark;
        try
        {
            benchmark = BenchmarkSpecs.Resolve(Benchmark);
        }
        catch (DatasetException e)
        {
            return ValidationResult.Error(e.Message);
        }

        if (benchmark is null)
        {
            return ValidationResult.Error($"--benchmark must be one of {BenchmarkRegistry.Default.Names} or a benchmark spec file, not '{Benchmark}'.");
        }

        if (ResolvedData is null)
        {
            return ValidationResult.Error(
                $"no --data given and no downloaded {benchmark.Name} in {Path.Combine(DatasetCache.Root, benchmark.Name)}: run 'mmlu datasets download {benchmark.Name}' or pass --data DIR.");
        }

        if (!benchmark.Splits.Contains(Split, StringComparer.Ordinal))
        {
            return ValidationResult.Error($"--split for {benchmark.Name} must be one of {string.Join(", ", benchmark.Splits)}, not '{Split}'.");
        }

        if ((OutOfRange("--shots", Shots, 0, int.MaxValue) ?? OutOfRange("--limit", Limit, 1, int.MaxValue)
            ?? OutOfRange("--max-samples", MaxSamples, 1, int.MaxValue)) is { } error)
        {
            return ValidationResult.Error(error);
        }

        if (Style is not null && !benchmark.Styles.Contains(Style))
        {
            return ValidationResult.Error($"--style for {benchmark.Name} must be one of {string.Join(", ", benchmark.Styles)}, not '{Style}'.");
        }

        return ValidationResult.Success();
    }

    /// <summary>
    /// The one-line error for a number option outside <paramref name="min"/>…<paramref name="max"/>, or null when it is
    /// inside (or not given). Numbers too large for the option's type never get here: see <c>ErrorReporter</c>.
    /// </summary>
    protected static string? OutOfRange(string option, int? value, int min, int max) =>
        value is not int v || (v >= min && v <= max) ? null
        : max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"{option} must be {(min == 0 ? "0 or more" : min == 1 ? "a positive number" : $"at least {min}")}, not {v}.")
            : string.Create(CultureInfo.InvariantCulture, $"{option} must be between {min} and {max}, not {v}.");

    /// <summary><c>--data</c>, else the benchmark's own data (a spec's folder), else its folder in the download cache, else null.</summary>
    public string? ResolvedData => !string.IsNullOrWhiteSpace(Data) ? Data
        : BenchmarkSpecs.Resolve(Benchmark) is { } benchmark ? benchmark.DefaultData ?? DatasetCache.Find(benchmark.Name)
        : null;

    /// <summary>The benchmark's registered name (a spec file's is the name the spec gives).</summary>
    public string BenchmarkName => BenchmarkSpecs.Resolve(Benchmark)?.Name ?? Benchmark;

    /// <summary>The options that select and render the questions.</summary>
    public EvaluationOptions ToOptions(Grouping grouping = Grouping.Original) => new()
    {
        Benchmark = BenchmarkName,
        Data = ResolvedData!,
        Split = Split,
        Shots = Shots,
        Style = Style,
        Subjects = Subjects?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Limit = Limit,
        MaxSamples = MaxSamples,
        Grouping = grouping,
        Permutation = Permute,
    };
}
