using System.ComponentModel;
using MmluSharp.Cli.Composition;
using MmluSharp.Prompting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Render the prompts a run would score, one JSON line per question: {subject, split, index, shots, style, prompt, answer}.")]
internal sealed class PromptsCommand(IAnsiConsole console) : Command<PromptsSettings>
{
    public override int Execute(CommandContext context, PromptsSettings settings, CancellationToken cancellationToken) =>
        PlanFileWriter.Write(console, settings.ToOptions(), settings.Out, "prompts", (plan, stream) =>
        {
            // A template is rendered here by name or file; the model's own needs `mmlu run --model`.
            plan = ChatTemplateSetup.Apply(settings, plan, null, note => console.MarkupLineInterpolated($"[yellow]note:[/] {note}"));
            PromptsJsonlWriter.Write(plan.Questions.Select(i => (i.Question, i.Prompt)), plan.Rendered.Style, stream);
        });
}
