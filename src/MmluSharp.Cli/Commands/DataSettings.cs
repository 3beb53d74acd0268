using System.ComponentModel;
using System.Globalization;
using MmluSharp.Benchmarks;
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
    [Description("The benchmark: mmlu (default), cmmlu, mmlu-pro or mmlu-redux. Its data comes from --data, else from 'mmlu datasets download'.")]
    [DefaultValue("mmlu")]
    public string Benchmark { get; init; } = "mmlu";

    [CommandOption("--data <PATH>")]
    [Description("The benchmark's data. MMLU: a folder in the original layout (dev/, val/, test/ with <subject>_<split>.csv) or a QLoRA JSON-lines file of pre-rendered prompts. Default: the copy 'mmlu datasets download' put in the cache.")]
    public string? Data { get; init; }

    [CommandOption("--split <SPLIT>")]
    [Description("test, val or dev (mmlu-pro: test or validation).")]
    [DefaultValue("test")]
    public string Split { get; init; } = "test";

    [CommandOption("--shots <K>")]
    [Description("Few-shot examples: the first K rows of the subject's dev file (MMLU-FS is 5, MMLU-ZS is 0).")]
    [DefaultValue(5)]
    public int Shots { get; init; } = 5;

    [CommandOption("--style <STYLE>")]
    [Description("Prompt style (the first is the default). mmlu and mmlu-redux: original (hendrycks/test evaluate.py, QLoRA) or harness (lm-evaluation-harness mmlu). cmmlu: cmmlu (haonan-li/CMMLU mp_utils.py) or harness (lm-evaluation-harness cmmlu). mmlu-pro: cot (TIGER-AI-Lab/MMLU-Pro evaluate_from_local.py at commit 7478e26, chain of thought for --scoring generate), harness (lm-evaluation-harness mmlu_pro task version 3.1, chain of thought for --scoring generate) or letter (our own, for letter scoring). A harness style asked on its few-shot split (dev; validation for mmlu-pro) leaves each question out of its own examples, as lm-eval's first_n sampler does.")]
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
        if (ResolvedData is null)
        {
            return ValidationResult.Error(
                $"no --data given and no downloaded {Benchmark} in {Path.Combine(DatasetCache.Root, Benchmark)}: run 'mmlu datasets download {Benchmark}' or pass --data DIR.");
        }

        if (Split is not ("test" or "val" or "dev" or "validation"))
        {
            return ValidationResult.Error($"--split must be test, val, dev or validation, not '{Split}'.");
        }

        if ((OutOfRange("--shots", Shots, 0, int.MaxValue) ?? OutOfRange("--limit", Limit, 1, int.MaxValue)
            ?? OutOfRange("--max-samples", MaxSamples, 1, int.MaxValue)) is { } error)
        {
            return ValidationResult.Error(error);
        }

        var benchmark = BenchmarkRegistry.All.FirstOrDefault(b => b.Name == Benchmark);
        if (benchmark is null)
        {
            return ValidationResult.Error($"--benchmark must be one of {string.Join(", ", BenchmarkRegistry.All.Select(b => b.Name))}, not '{Benchmark}'.");
        }

        if (Style is not null && !benchmark.Styles.Contains(Style))
        {
            return ValidationResult.Error($"--style for {Benchmark} must be one of {string.Join(", ", benchmark.Styles)}, not '{Style}'.");
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

    /// <summary><c>--data</c>, else the benchmark's folder in the download cache, else null.</summary>
    public string? ResolvedData => string.IsNullOrWhiteSpace(Data) ? DatasetCache.Find(Benchmark) : Data;

    public PlanRequest ToPlanRequest(Grouping grouping = Grouping.Original) => new(
        ResolvedData!,
        Split,
        Shots,
        Style,
        Subjects?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Limit,
        MaxSamples,
        Benchmark,
        grouping,
        Permute);
}
