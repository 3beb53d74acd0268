using System.ComponentModel;
using MmluSharp.Prompting;
using MmluSharp.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Render the prompts a run would score, one JSON line per question: {subject, split, index, shots, style, prompt, answer}.")]
internal sealed class PromptsCommand(IAnsiConsole console) : Command<PromptsSettings>
{
    public override int Execute(CommandContext context, PromptsSettings settings, CancellationToken cancellationToken)
    {
        var plan = PlanBuilder.Build(settings.ToPlanRequest());
        using (var output = OutputFile.Open(settings.Out))
        {
            PromptsJsonlWriter.Write(plan.Items.Select(i => (i.Question, i.Prompt)), plan.Style, output.Stream);
            output.Commit();
        }

        if (settings.Out is not null)
        {
            console.MarkupLineInterpolated($"Wrote {plan.Items.Count} prompts to [bold]{settings.Out}[/].");
        }

        return 0;
    }
}
