using System.ComponentModel;
using MmluSharp.IO;
using MmluSharp.Reports.Comparison;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Compare runs: a leaderboard, then per-subject differences against the first run, with paired tests (McNemar, bootstrap) when the runs scored the same questions with the same prompts.")]
internal sealed class CompareCommand(IAnsiConsole console) : Command<CompareSettings>
{
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var runs = settings.Results.Select(ComparedRun.Load).ToList();
        var comparison = RunComparison.Build(runs, settings.Published);
        foreach (var pair in comparison.Pairs.Where(p => p.Refusal is not null))
        {
            console.MarkupLineInterpolated($"[yellow]not paired:[/] {pair.Other.Label} against {pair.Baseline.Label}: {pair.Refusal}.");
        }

        if (settings.Markdown is null && settings.Html is null)
        {
            using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            comparison.WriteMarkdown(text);
            console.Write(new Text(text.ToString()));
            return 0;
        }

        if (settings.Markdown is not null)
        {
            OutputFiles.WriteText(settings.Markdown, comparison.WriteMarkdown);
            console.MarkupLineInterpolated($"Wrote the Markdown comparison to [bold]{settings.Markdown}[/].");
        }

        if (settings.Html is not null)
        {
            OutputFiles.WriteText(settings.Html, comparison.WriteHtml);
            console.MarkupLineInterpolated($"Wrote the HTML comparison to [bold]{settings.Html}[/].");
        }

        return 0;
    }
}
