using System.ComponentModel;
using MmluSharp.Cli.Composition;
using MmluSharp.Cli.Diagnostics;
using MmluSharp.Cli.Schedulers;
using MmluSharp.Cli.Terminal;
using MmluSharp.Datasets;
using MmluSharp.IO;
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
        var profile = RunProfile.FromEnvironment();
        var grouping = settings.Grouping == "harness" ? Grouping.Harness : Grouping.Original;
        var plan = profile.Reading(() => PlanBuilder.Build(settings.ToPlanRequest(grouping)));
        var shard = settings.ShardFromScheduler
            ? SchedulerShard.Resolve(Environment.GetEnvironmentVariable, settings.Shards)
            : settings.Shard is null ? null : new ShardChoice(Shard.Parse(settings.Shard), "--shard");
        if (shard is not null)
        {
            plan = shard.Shard.Apply(plan);
        }

        if (plan.Items.Count == 0)
        {
            throw new ArgumentException("no questions selected: check --subjects, --split and --shard.");
        }

        var (split, shots, style) = (plan.Split, plan.Shots, plan.Style);
        // A model named on the Hub is found (and downloaded) before the run folder is locked.
        var local = settings.Endpoint.Length > 0 ? null : await LocalModelSetup.LocateAsync(settings.Model!, console, cancellationToken).ConfigureAwait(false);
        var folder = settings.Out ?? RunFolders.Default(settings, plan, shard?.Shard);

        // Held from before the model loads until the reports are written: one process per run folder.
        using var held = RunFolderLock.Acquire(folder);
        using var setup = local is null
            ? EndpointModelSetup.Create(settings, folder, plan)
            : await profile.Model(() => LocalModelSetup.CreateAsync(settings, local, cancellationToken)).ConfigureAwait(false);

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
                Urls.WithoutUserInfo("mmlu " + ShellWords.Join(context.Arguments)),
                DateTimeOffset.UtcNow,
                setup.Settings.GetValueOrDefault("extract"),
                settings.Limit),
            plan.Catalogue,
            plan.SubjectSizes);

        if (local is not null)
        {
            console.MarkupLineInterpolated($"model: {local.Source}");
        }

        var slice = shard is null ? string.Empty : $" · shard {shard.Shard} ({shard.Source})";
        console.MarkupLineInterpolated(
            $"[bold]{setup.Model.Name}[/] ({setup.Summary}) · {plan.Items.Count:N0} {split} questions{slice} · {shots}-shot · {style} prompts · {setup.Scorer.Method} scoring → {folder}");
        var evaluator = new Evaluator(setup.Scorer)
        {
            RescoreChanged = settings.RescoreChanged,
            Invocation = new RunInvocation(Environment.CurrentDirectory, ToolCommand.Current, [.. context.Arguments.Select(Urls.WithoutUserInfo)]),
        };
        try
        {
            var outcome = await profile.Scoring(() => new RunProgressView(console).RunAsync(progress =>
                evaluator.RunAsync(plan with { Settings = settingsOfRun }, description, held, progress, cancellationToken)))
                .ConfigureAwait(false);
            if (!outcome.AlreadyComplete && setup.Usage() is { } usage)
            {
                outcome = outcome with { Results = outcome.Results with { Api = usage } };
                ResultsJson.Write(outcome.Results, Path.Combine(folder, Evaluator.ResultsFile));
            }

            // Always: reports are views of results.json, and a run killed just after writing it has none yet.
            profile.Reports(() => ReportFiles.WriteRunFolder(outcome.Results, folder));

            ResultsSummary.Write(console, outcome, folder);
            profile.Write(plan.Items.Count, setup.Resource);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ErrorReporter.Report(new OperationCanceledException(), console);
        }
    }
}
