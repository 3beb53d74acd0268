using System.ComponentModel;
using MmluSharp.Prompting;
using MmluSharp.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

/// <summary>The options every command that reads questions shares.</summary>
internal class DataSettings : CommandSettings
{
    [CommandOption("--data <PATH>")]
    [Description("MMLU folder in the original layout (dev/, val/, test/ with <subject>_<split>.csv), or a QLoRA JSON-lines file of pre-rendered prompts.")]
    public string? Data { get; init; }

    [CommandOption("--split <SPLIT>")]
    [Description("test, val or dev.")]
    [DefaultValue("test")]
    public string Split { get; init; } = "test";

    [CommandOption("--shots <K>")]
    [Description("Few-shot examples: the first K rows of the subject's dev file (MMLU-FS is 5, MMLU-ZS is 0).")]
    [DefaultValue(5)]
    public int Shots { get; init; } = 5;

    [CommandOption("--style <STYLE>")]
    [Description("Prompt style: original (hendrycks/test evaluate.py, QLoRA) or harness (lm-evaluation-harness mmlu).")]
    [DefaultValue("original")]
    public string Style { get; init; } = "original";

    [CommandOption("--subjects <LIST>")]
    [Description("Comma-separated subjects, e.g. anatomy,virology (default: all).")]
    public string? Subjects { get; init; }

    [CommandOption("--limit <N>")]
    [Description("Only the first N questions of each subject.")]
    public int? Limit { get; init; }

    [CommandOption("--max-samples <N>")]
    [Description("Only the first N questions overall (QLoRA's max_mmlu_samples, e.g. with its JSON files).")]
    public int? MaxSamples { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Data))
        {
            return ValidationResult.Error("--data is required: an MMLU folder (dev/, val/, test/) or a QLoRA JSON file.");
        }

        if (Split is not ("test" or "val" or "dev"))
        {
            return ValidationResult.Error($"--split must be test, val or dev, not '{Split}'.");
        }

        if (Shots is < 0 or > 5 && !File.Exists(Data))
        {
            return ValidationResult.Error("--shots must be between 0 and 5 (each subject's dev file has 5 rows).");
        }

        if (Limit is <= 0 || MaxSamples is <= 0)
        {
            return ValidationResult.Error("--limit and --max-samples must be positive numbers.");
        }

        if (!PromptStyle.All.Any(s => s.Name == Style))
        {
            return ValidationResult.Error($"--style must be one of {string.Join(", ", PromptStyle.All.Select(s => s.Name))}, not '{Style}'.");
        }

        return ValidationResult.Success();
    }

    public PlanRequest ToPlanRequest() => new(
        Data!,
        Split,
        Shots,
        PromptStyle.Parse(Style),
        Subjects?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Limit,
        MaxSamples);
}
