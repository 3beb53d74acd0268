using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;
using MmluSharp.Cli.Terminal;
using MmluSharp.Datasets;
using MmluSharp.LlamaCpp;
using MmluSharp.Results;
using MmluSharp.Running;
using MmluSharp.Scoring;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Evaluate a GGUF model on MMLU in-process (llama.cpp): results.json, samples.jsonl, resumable.")]
internal sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var request = settings.ToPlanRequest();
        var plan = PlanBuilder.Build(request);
        if (plan.Items.Count == 0)
        {
            throw new ArgumentException("no questions selected: check --subjects and --split.");
        }

        var modelPath = Path.GetFullPath(settings.Model!);
        var header = GgufInspector.Read(modelPath);
        var sha256 = await HashAsync(modelPath, cancellationToken).ConfigureAwait(false);
        var style = PlanBuilder.IsQloraFile(request.Data) ? PlanBuilder.PreRenderedStyle : request.Style.Name;
        var shots = PlanBuilder.ShotsOf(request);
        var split = PlanBuilder.SplitOf(request);
        var folder = settings.Out ?? Path.Combine(
            "runs", string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(modelPath)}-{split}-{shots}shot-{style}"));
        var runPlan = plan with
        {
            Settings = new Dictionary<string, string>(plan.Settings, StringComparer.Ordinal)
            {
                ["model_sha256"] = sha256,
                ["scoring"] = settings.Scoring,
                ["grouping"] = settings.Grouping,
            },
        };
        var description = new RunDescription(
            "mmlu",
            split,
            shots,
            style,
            LetterScoring.Name,
            new ModelDescription(Path.GetFileNameWithoutExtension(modelPath), modelPath, header.FileSize, sha256),
            new RunProvenance(
                MmluApp.Version,
                style,
                request.Style.Version,
                settings.Grouping,
                "mmlu " + string.Join(' ', context.Arguments.Select(Quote)),
                DateTimeOffset.UtcNow),
            settings.Grouping == "harness" ? Grouping.Harness : Grouping.Original);

        console.MarkupLineInterpolated(
            $"[bold]{description.Model.Name}[/] ({header.ParameterCount:N0} parameters) · {plan.Items.Count:N0} {split} questions · {shots}-shot · {style} prompts → {folder}");
        var options = new LlamaCppOptions
        {
            ContextSize = settings.Context,
            BatchSize = settings.Batch,
            MaxParallelSequences = settings.Parallel,
            Threads = settings.Threads ?? Environment.ProcessorCount,
            ExactKv = settings.ExactKv,
        };
        using var model = LlamaCppModel.Load(modelPath, options);
        var view = new RunProgressView(console);
        try
        {
            var outcome = await view.RunAsync(progress =>
                new Evaluator(model).RunAsync(runPlan, description, folder, progress, cancellationToken)).ConfigureAwait(false);
            ResultsSummary.Write(console, outcome, folder);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ErrorReporter.Report(new OperationCanceledException(), console);
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
