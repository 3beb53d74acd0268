using System.ComponentModel;
using MmluSharp.Cli.Composition;
using MmluSharp.Cli.Diagnostics;
using MmluSharp.Cli.Schedulers;
using MmluSharp.Cli.Terminal;
using MmluSharp.Datasets;
using MmluSharp.IO;
using MmluSharp.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

/// <summary>
/// <c>mmlu run</c>: the options become <see cref="EvaluationOptions"/>, the model an <c>ILogLikelihoodModel</c> or an
/// <c>IChatClient</c>, and the library's one entry point evaluates it into the run folder; this prints what runs, the
/// progress and the summary.
/// </summary>
[Description("Evaluate a model on MMLU: a GGUF file in-process (llama.cpp) or a model behind an OpenAI-compatible endpoint. Writes results.json, samples.jsonl and reports; resumable.")]
internal sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var profile = RunProfile.FromEnvironment();
        var grouping = settings.Grouping == "harness" ? Grouping.Harness : Grouping.Original;
        var shard = settings.ShardFromScheduler
            ? SchedulerShard.Resolve(Environment.GetEnvironmentVariable, settings.Shards)
            : settings.Shard is null ? null : new ShardChoice(Shard.Parse(settings.Shard), "--shard");
        var plan = profile.Reading(() => EvaluationPlan.Create(settings.ToOptions(grouping) with { Shard = shard?.Shard }));

        // A model named on the Hub is found (and downloaded) before the run folder is locked.
        var local = settings.Endpoint.Length > 0 ? null : await LocalModelSetup.LocateAsync(settings.Model!, console, cancellationToken).ConfigureAwait(false);
        var folder = settings.Out ?? RunFolders.Default(settings, plan, shard?.Shard);

        // One process per run folder: a folder in use is refused before the model loads (the run holds it from then on).
        RunFolderLock.Acquire(folder).Dispose();
        using var setup = local is null
            ? EndpointModelSetup.Create(settings, folder)
            : await profile.Model(() => LocalModelSetup.CreateAsync(settings, local, plan, cancellationToken)).ConfigureAwait(false);

        // The prompts are rendered as conversations once the model (its own template and tokens) is known.
        plan = ChatTemplateSetup.Apply(settings, plan, setup.Local, note => console.MarkupLineInterpolated($"[yellow]note:[/] {note}"));

        plan = plan.WithOptions(plan.Options with
        {
            OutputFolder = folder,
            RescoreChanged = settings.RescoreChanged,
            Model = setup.Description,
            RunSettings = setup.RunSettings,
            Extraction = settings.Extract,
            MaxOutputTokens = settings.MaxTokens,
            Concurrency = settings.Concurrency,
            CommandLine = Urls.WithoutUserInfo("mmlu " + ShellWords.Join(context.Arguments)),
            Invocation = new RunInvocation(Environment.CurrentDirectory, ToolCommand.Current, [.. context.Arguments.Select(Urls.WithoutUserInfo)]),
        });

        if (local is not null)
        {
            console.MarkupLineInterpolated($"model: {local.Source}");
        }

        var (split, shots, style, count) = (plan.Rendered.Split, plan.Rendered.Shots, plan.Rendered.Style, plan.Questions.Count);
        var scoring = settings.Scoring == RunSettings.GenerateScoring ? RunSettings.GenerateScoring : "letter";
        var slice = shard is null ? string.Empty : $" · shard {shard.Shard} ({shard.Source})";
        console.MarkupLineInterpolated(
            $"[bold]{setup.Name}[/] ({setup.Summary}) · {count:N0} {split} questions{slice} · {shots}-shot · {style} prompts · {scoring} scoring → {folder}");
        try
        {
            var outcome = await profile.Scoring(() => new RunProgressView(console).RunAsync(progress => setup.Evaluate(plan, progress, cancellationToken)))
                .ConfigureAwait(false);
            ResultsSummary.Write(console, outcome, folder);
            profile.Write(plan.Questions.Count, setup.Resource);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ErrorReporter.Report(new OperationCanceledException(), console);
        }
    }
}
