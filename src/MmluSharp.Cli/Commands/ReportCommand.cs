using System.ComponentModel;
using MmluSharp.Reports;
using MmluSharp.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Write the reports of a run from its results.json: Markdown, HTML with charts, or an lm-evaluation-harness results file. Without options, prints the Markdown.")]
internal sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var results = ResultsJson.Read(settings.Results);
        if (settings.Out is not null && results.Benchmark != "mmlu")
        {
            throw new InvalidDataException(
                $"{settings.Results}: --format lm-eval writes lm-evaluation-harness' mmlu task, and this run is {results.Benchmark}.");
        }
        if (settings.Markdown is null && settings.Html is null && settings.Out is null)
        {
            console.Write(new Text(MarkdownReport.ToText(results)));
            return 0;
        }

        if (settings.Markdown is not null)
        {
            ReportFiles.WriteMarkdown(results, settings.Markdown);
            console.MarkupLineInterpolated($"Wrote the Markdown report to [bold]{settings.Markdown}[/].");
        }

        if (settings.Html is not null)
        {
            ReportFiles.WriteHtml(results, settings.Html);
            console.MarkupLineInterpolated($"Wrote the HTML report to [bold]{settings.Html}[/].");
        }

        if (settings.Out is not null)
        {
            ReportFiles.WriteLmEval(results, settings.Out);
            console.MarkupLineInterpolated($"Wrote the lm-eval results to [bold]{settings.Out}[/].");
        }

        return 0;
    }
}
