using System.ComponentModel;
using MmluSharp.Prompting;
using MmluSharp.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Write QLoRA's MMLU JSON lines ({\"subject\", \"input\", \"output\"}) with the original evaluate.py prompts.")]
internal sealed class ExportQloraCommand(IAnsiConsole console) : Command<ExportQloraSettings>
{
    public override int Execute(CommandContext context, ExportQloraSettings settings, CancellationToken cancellationToken)
    {
        var plan = PlanBuilder.Build(settings.ToPlanRequest() with { Style = PromptStyle.Original.Name });
        using (var output = OutputFile.Open(settings.Out))
        {
            QloraExporter.Write(plan.Items.Select(i => (i.Question, i.Prompt)), output.Stream);
            output.Commit();
        }

        if (settings.Out is not null)
        {
            console.MarkupLineInterpolated($"Wrote {plan.Items.Count} records to [bold]{settings.Out}[/].");
        }

        return 0;
    }
}
