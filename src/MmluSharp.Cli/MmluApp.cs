using System.Globalization;
using MmluSharp.Cli.Commands;
using MmluSharp.Cli.Terminal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli;

/// <summary>Builds the <c>mmlu</c> command tree; the only place that wires the pieces together.</summary>
internal static class MmluApp
{
    public static string Version { get; } = typeof(MmluApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            // Piped or redirected output (mmlu report results.json > report.md, CI logs) is never wrapped at 80 columns.
            console.Profile.Width = short.MaxValue;
        }

        var app = new CommandApp();
        app.Configure(config => Configure(config, console, args));
        return app.RunAsync(args, cancellationToken);
    }

    /// <summary>Builds the command tree; <paramref name="args"/> (the command line) lets errors name the option at fault.</summary>
    public static void Configure(IConfigurator config, IAnsiConsole console, IReadOnlyList<string>? args = null)
    {
        config.SetApplicationName("mmlu");
        config.SetApplicationVersion(Version);
        config.SetApplicationCulture(CultureInfo.InvariantCulture);
        console.Pipeline.Attach(new SafeRenderHook());
        config.ConfigureConsole(console);
        config.CancellationExitCode(ErrorReporter.Interrupted);
        config.SetExceptionHandler((exception, _) => ErrorReporter.Report(exception, console, args));

        config.AddCommand<RunCommand>("run")
            .WithDescription("Evaluate a model on MMLU: per-subject, per-category and overall accuracy, calibration, samples.")
            .WithExample("run", "--model", "model.gguf", "--data", "mmlu", "--shots", "5", "--out", "runs/model-5shot")
            .WithExample("run", "--model", "model.gguf", "--data", "mmlu", "--subjects", "anatomy,virology", "--limit", "20")
            .WithExample("run", "--model", "bartowski/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M", "--data", "mmlu", "--shots", "5");
        config.AddCommand<SlurmCommand>("slurm")
            .WithExample("slurm", "--shards", "8", "--partition", "cpu", "--time", "04:00:00", "--cpus-per-task", "4", "--model", "model.gguf", "--data", "mmlu")
            .WithExample("slurm", "--shards", "4", "--model", "model.gguf", "--data", "mmlu", "--sbatch=--account=lab", "--dry-run");
        config.AddCommand<MergeCommand>("merge")
            .WithExample("merge", "runs/m-shard1", "runs/m-shard2", "--out", "runs/m");
        config.AddCommand<PromptsCommand>("prompts")
            .WithExample("prompts", "--data", "mmlu", "--split", "test", "--shots", "5", "--style", "harness", "--out", "prompts.jsonl");
        config.AddCommand<ReportCommand>("report")
            .WithExample("report", "runs/model-5shot/results.json", "--md", "report.md", "--html", "report.html")
            .WithExample("report", "runs/model-5shot/results.json", "--format", "lm-eval", "--out", "lm-eval-results.json");
        config.AddCommand<CompareCommand>("compare")
            .WithExample("compare", "runs/a/results.json", "runs/b/results.json", "--md", "compare.md", "--html", "compare.html");
        config.AddBranch("export", export =>
        {
            export.SetDescription("Export MMLU in other tools' formats.");
            export.AddCommand<ExportQloraCommand>("qlora")
                .WithExample("export", "qlora", "--data", "mmlu", "--split", "val", "--shots", "0", "--out", "zero_shot_mmlu_val.json");
        });
        config.AddBranch("datasets", datasets =>
        {
            datasets.SetDescription("Inspect MMLU data.");
            datasets.AddCommand<DatasetsInfoCommand>("info").WithExample("datasets", "info", "--data", "mmlu");
            datasets.AddCommand<DatasetsDownloadCommand>("download").WithExample("datasets", "download", "mmlu");
        });
        config.AddBranch("model", model =>
        {
            model.SetDescription("Inspect model files.");
            model.AddCommand<ModelInfoCommand>("info").WithExample("model", "info", "model.gguf").WithExample("model", "info", "bartowski/Qwen2.5-0.5B-Instruct-GGUF:Q4_K_M");
        });
    }
}
