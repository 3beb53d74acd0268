using System.ComponentModel;
using MmluSharp.Cli.Terminal;
using MmluSharp.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Join the run folders of --shard 1/n … n/n into one run with the results of the unsharded run.")]
internal sealed class MergeCommand(IAnsiConsole console) : Command<MergeSettings>
{
    public override int Execute(CommandContext context, MergeSettings settings, CancellationToken cancellationToken)
    {
        // Held until the reports are written: no run or other merge writes the folder meanwhile.
        using var held = RunMerger.LockDestination(settings.Shards, settings.Out!);
        var results = RunMerger.Merge(settings.Shards, held);
        ResultsSummary.Write(console, new RunOutcome(results, results.Overall.N, 0, AlreadyComplete: false), settings.Out!);
        return 0;
    }
}
