using System.ComponentModel;
using MmluSharp.Cli.Terminal;
using MmluSharp.Reports;
using MmluSharp.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[RegistryDescription("Write the reports of a run from its results.json in any registered format ({formats}): Markdown, HTML with charts, or an lm-evaluation-harness results file. Without options, prints the Markdown.")]
internal sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var results = ResultsJson.Read(settings.Results);
        if (settings.Markdown is null && settings.Html is null && settings.Out is null)
        {
            using var text = new MemoryStream();
            ReportWriters.Markdown.Write(results, text);
            console.Write(new Text(System.Text.Encoding.UTF8.GetString(text.ToArray())));
            return 0;
        }

        // The export first: a format that cannot show this run refuses it before any file is written.
        var requested = new List<(IReportWriter Writer, string Path)>();
        if (settings.Out is not null)
        {
            requested.Add((ReportWriters.Get(settings.Format!), settings.Out));
        }

        if (settings.Markdown is not null)
        {
            requested.Add((ReportWriters.Markdown, settings.Markdown));
        }

        if (settings.Html is not null)
        {
            requested.Add((ReportWriters.Html, settings.Html));
        }

        foreach (var (writer, path) in requested)
        {
            try
            {
                writer.WriteFile(results, path);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{settings.Results}: --format {writer.Format}: {e.Message}", e);
            }

            console.MarkupLineInterpolated($"Wrote the {writer.Format} report to [bold]{path}[/].");
        }

        return 0;
    }
}
