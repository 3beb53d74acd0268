using System.ComponentModel;
using System.Reflection;
using MmluSharp.Cli.Composition;
using MmluSharp.Cli.Schedulers;
using MmluSharp.Datasets;
using MmluSharp.IO;
using MmluSharp.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Run on a Slurm cluster: submits an array of --shards N tasks of mmlu run and a merge job that starts once all succeeded.")]
internal sealed class SlurmCommand(IAnsiConsole console) : AsyncCommand<SlurmSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SlurmSettings settings, CancellationToken cancellationToken)
    {
        var sbatch = settings.DryRun ? null : Sbatch.Find(Environment.GetEnvironmentVariable("PATH"))
            ?? throw new SchedulerException("sbatch is not on the PATH: run mmlu slurm where Slurm's commands are (a login node), or add --dry-run to print the scripts.");

        var job = Plan(context, settings);
        var shardsScript = SbatchScripts.Shards(job);
        var mergeScript = SbatchScripts.Merge(job);
        var scripts = Path.Combine(job.ScriptFolder, SbatchScripts.ShardsFile);
        var merge = Path.Combine(job.ScriptFolder, SbatchScripts.MergeFile);
        if (sbatch is null)
        {
            // Raw, never wrapped at the terminal's width: the scripts must stay valid when copied.
            var output = console.Profile.Out.Writer;
            output.Write($"# {scripts}\n{shardsScript}\n# {merge} (submitted with --dependency=afterok:<array job id>)\n{mergeScript}");
            output.Flush();
            return 0;
        }

        if (settings.Endpoint.Length == 0 && HubModels.ReferenceFor(settings.Model!) is { } reference)
        {
            // Fetched here, where the network is: the shards then find it in the (shared) Hugging Face cache without a request.
            var model = await HubModels.DownloadAsync(reference, console, cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"model: {HubModels.Describe(model)}");
        }

        OutputFiles.WriteText(scripts, w => w.Write(shardsScript));
        OutputFiles.WriteText(merge, w => w.Write(mergeScript));
        var array = await sbatch.SubmitAsync(scripts, [], cancellationToken).ConfigureAwait(false);
        string merger;
        try
        {
            merger = await sbatch.SubmitAsync(merge, ["--dependency=afterok:" + array], cancellationToken).ConfigureAwait(false);
        }
        catch (SchedulerException e)
        {
            var cancelled = await sbatch.CancelAsync(array).ConfigureAwait(false);
            throw new SchedulerException($"{e.Message} (the array job {array} was {(cancelled ? "cancelled" : "left queued: scancel it")})", e);
        }

        console.MarkupLineInterpolated($"Submitted array job [bold]{array}[/] ({job.Shards} shards) and merge job [bold]{merger}[/] (starts when every shard has succeeded).");
        console.MarkupLineInterpolated($"  shards: {job.ShardFolder(1)} … {job.ShardFolder(job.Shards)}");
        console.MarkupLineInterpolated($"  scripts and logs: {job.ScriptFolder}");
        console.MarkupLineInterpolated($"  merged results: {Path.Combine(job.Folder, RunFolderFiles.Results)}");
        console.MarkupLineInterpolated($"  follow: squeue -j {array},{merger}");
        console.MarkupLineInterpolated($"  if a shard fails: mmlu merge {ShellWords.Join([.. Enumerable.Range(1, job.Shards).Select(job.ShardFolder), "--out", job.Folder])} names the command that resumes it");
        return 0;
    }

    /// <summary>The job the settings describe, after checking what can be checked before anything is queued.</summary>
    private static SlurmJob Plan(CommandContext context, SlurmSettings settings)
    {
        var grouping = settings.Grouping == "harness" ? Grouping.Harness : Grouping.Original;
        var plan = EvaluationPlan.Create(settings.ToOptions(grouping));
        var shards = settings.Shards!.Value;
        if (plan.Questions.Count < shards)
        {
            throw new ArgumentException($"--shards {shards} but the run has only {plan.Questions.Count} questions: some shards would have none.");
        }

        if (settings.Endpoint.Length == 0 && !File.Exists(settings.Model) && HubModels.ReferenceFor(settings.Model!) is null)
        {
            throw new FileNotFoundException(null, settings.Model);
        }

        var run = RunArguments(context.Arguments);
        if (settings.CpusPerTask is { } cpus && settings.Threads is null)
        {
            run.AddRange(["--threads", cpus.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return new SlurmJob(
            Environment.CurrentDirectory,
            settings.Mmlu is null ? ToolCommand.Current : [settings.Mmlu],
            run,
            settings.Out ?? RunFolders.Default(settings, plan, null),
            shards,
            settings.JobName,
            new SlurmResources(settings.Partition, settings.Time, settings.CpusPerTask, settings.Memory, settings.ExtraLines));
    }

    /// <summary>The command line as <c>mmlu run</c> options: the Slurm-only options, --shards and --out taken out.</summary>
    private static List<string> RunArguments(IReadOnlyList<string> arguments)
    {
        var command = arguments.ToList();
        if (command.Count > 0 && command[0] == "slurm")
        {
            command[0] = "run";
        }

        foreach (var option in typeof(SlurmSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(p => p.Option is not null))
        {
            var names = option.Option!.LongNames.Select(n => "--" + n).Concat(option.Option.ShortNames.Select(n => "-" + n)).ToList();
            command = CommandArguments.Without(command, names, takesValue: option.Property.PropertyType != typeof(bool));
        }

        return CommandArguments.Without(command, ["--shards", "--out", "-o"]);
    }
}
