using System.ComponentModel;
using MmluSharp.Cli.Datasets;
using MmluSharp.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Splits, subjects, questions per category, duplicate rows and rows shared between subjects.")]
internal sealed class DatasetsInfoCommand(IAnsiConsole console) : Command<DatasetsInfoSettings>
{
    public override int Execute(CommandContext context, DatasetsInfoSettings settings, CancellationToken cancellationToken)
    {
        var grouping = settings.Grouping == "harness" ? Grouping.Harness : Grouping.Original;
        var summary = DatasetInspector.Describe(new MmluDirectory(settings.Data!), grouping);
        console.MarkupLineInterpolated($"[bold]{summary.Root}[/] (categories: {settings.Grouping})");

        var table = new Table().AddColumns("split", "subjects", "questions");
        table.AddColumns([.. MmluCatalogue.Categories.Select(c => new TableColumn(c).RightAligned())]);
        table.AddColumns(new TableColumn("duplicate rows").RightAligned(), new TableColumn("shared rows").RightAligned());
        foreach (var split in summary.Splits)
        {
            var cells = new List<string> { split.Split, Number(split.Subjects), Number(split.Questions) };
            cells.AddRange(split.Categories.Select(c => Number(c.Questions)));
            cells.Add(Number(split.DuplicateRows));
            cells.Add(Number(split.SharedRows));
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        console.Write(table);
        foreach (var split in summary.Splits.Where(s => s.DuplicateRows > 0))
        {
            var list = string.Join(", ", split.DuplicatesBySubject.Select(d => $"{d.Subject} {Number(d.Count)}"));
            console.MarkupLineInterpolated($"Duplicate rows in {split.Split}: {list}");
        }

        return 0;
    }

    private static string Number(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
