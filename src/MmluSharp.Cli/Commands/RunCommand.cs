using System.ComponentModel;
using System.Globalization;
using MmluSharp.Cli.Composition;
using MmluSharp.Cli.Terminal;
using MmluSharp.Datasets;
using MmluSharp.Reports;
using MmluSharp.Results;
using MmluSharp.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Evaluate a model on MMLU: a GGUF file in-process (llama.cpp) or a model behind an OpenAI-compatible endpoint. Writes results.json, samples.jsonl and reports; resumable.")]
internal sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var grouping = settings.Grouping == "harness" ? Grouping.Harness : Grouping.Original;
        var plan = PlanBuilder.Build(settings.ToPlanRequest(grouping));
        if (settings.Shard is not null)
        {
            plan = Shard.Parse(settings.Shard).Apply(plan);
        }

        if (plan.Items.Count == 0)
        {
            throw new ArgumentException("no questions selected: check --subjects, --split and --shard.");
        }

        var (split, shots, style) = (plan.Split, plan.Shots, plan.Style);
        var folder = settings.Out ?? DefaultFolder(settings, plan);

        // Held from before the model loads until the reports are written: one process per run folder.
        using var held = RunFolderLock.Acquire(folder);
        using var setup = settings.Endpoint.Length > 0
            ? EndpointModelSetup.Create(settings, folder, plan)
            : await LocalModelSetup.CreateAsync(settings, cancellationToken).ConfigureAwait(false);

        var settingsOfRun = new Dictionary<string, string>(plan.Settings, StringComparer.Ordinal) { ["grouping"] = settings.Grouping };
        foreach (var (key, value) in setup.Settings)
        {
            settingsOfRun[key] = value;
        }

        var description = new RunDescription(
            plan.Benchmark,
            split,
            shots,
            style,
            setup.Scorer.Method,
            setup.Model,
            new RunProvenance(
                MmluApp.Version,
                style,
                plan.StyleVersion,
                settings.Grouping,
                "mmlu " + string.Join(' ', context.Arguments.Select(Quote)),
                DateTimeOffset.UtcNow,
                setup.Settings.GetValueOrDefault("extract"),
                settings.Limit),
            plan.Catalogue,
            plan.SubjectSizes);

        console.MarkupLineInterpolated(
            $"[bold]{setup.Model.Name}[/] ({setup.Summary}) · {plan.Items.Count:N0} {split} questions · {shots}-shot · {style} prompts · {setup.Scorer.Method} scoring → {folder}");
        try
        {
            var outcome = await new RunProgressView(console).RunAsync(progress =>
                new Evaluator(setup.Scorer) { RescoreChanged = settings.RescoreChanged }
                    .RunAsync(plan with { Settings = settingsOfRun }, description, held, progress, cancellationToken))
                .ConfigureAwait(false);
            if (!outcome.AlreadyComplete && setup.Usage() is { } usage)
            {
                outcome = outcome with { Results = outcome.Results with { Api = usage } };
                ResultsJson.Write(outcome.Results, Path.Combine(folder, Evaluator.ResultsFile));
            }

            // Always: reports are views of results.json, and a run killed just after writing it has none yet.
            ReportFiles.WriteRunFolder(outcome.Results, folder);

            ResultsSummary.Write(console, outcome, folder);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ErrorReporter.Report(new OperationCanceledException(), console);
        }
    }

    private static string DefaultFolder(RunSettings settings, RunPlan plan)
    {
        var name = settings.Endpoint.Length > 0 ? settings.Model! : Path.GetFileNameWithoutExtension(settings.Model!);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var shard = settings.Shard is null ? string.Empty : "-shard" + settings.Shard.Replace("/", "of", StringComparison.Ordinal);
        return Path.Combine("runs", string.Create(CultureInfo.InvariantCulture, $"{safe}-{plan.Benchmark}-{plan.Split}-{plan.Shots}shot-{plan.Style}{shard}"));
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
