using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

internal sealed class RunSettings : DataSettings
{
    [CommandOption("-m|--model <FILE>")]
    [Description("A GGUF model file, run in-process with llama.cpp.")]
    public string? Model { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Run folder for results.json, samples.jsonl and run.json (default: runs/<model>-<split>-<K>shot-<style>). Running the same command again on it resumes an interrupted run.")]
    public string? Out { get; init; }

    [CommandOption("--scoring <METHOD>")]
    [Description("letter: log-probability of \" A\"…\" D\" after \"Answer:\", the prediction is the most likely letter (evaluate.py, lm-eval acc).")]
    [DefaultValue("letter")]
    public string Scoring { get; init; } = "letter";

    [CommandOption("--grouping <GROUPING>")]
    [Description("Category mapping: original (hendrycks/test categories.py) or harness (anatomy in STEM).")]
    [DefaultValue("original")]
    public string Grouping { get; init; } = "original";

    [CommandOption("--threads <N>")]
    [Description("CPU threads for llama.cpp (default: all cores).")]
    public int? Threads { get; init; }

    [CommandOption("--context <TOKENS>")]
    [Description("Context size; longer prompts lose their last few-shot examples until they fit, as evaluate.py does (default: 2048, or the model's if smaller).")]
    public int? Context { get; init; }

    [CommandOption("--batch <TOKENS>")]
    [Description("Most tokens decoded in one llama.cpp batch.")]
    [DefaultValue(512)]
    public int Batch { get; init; } = 512;

    [CommandOption("--parallel <N>")]
    [Description("Questions decoded together on copies of their subject's shared few-shot prefix.")]
    [DefaultValue(32)]
    public int Parallel { get; init; } = 32;

    [CommandOption("--exact-kv")]
    [Description("F32 KV cache and no flash attention: scores equal to evaluating every prompt from scratch (slower).")]
    public bool ExactKv { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Model))
        {
            return ValidationResult.Error("--model is required: a GGUF file.");
        }

        if (Scoring != "letter")
        {
            return ValidationResult.Error($"--scoring '{Scoring}' is not available for local models; use letter.");
        }

        if (Grouping is not ("original" or "harness"))
        {
            return ValidationResult.Error($"--grouping must be original or harness, not '{Grouping}'.");
        }

        if (Threads is <= 0 || Context is <= 0 || Batch <= 0 || Parallel <= 0)
        {
            return ValidationResult.Error("--threads, --context, --batch and --parallel must be positive.");
        }

        return base.Validate();
    }
}
