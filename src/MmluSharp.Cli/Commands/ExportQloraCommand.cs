using System.ComponentModel;
using MmluSharp.Prompting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Write QLoRA's MMLU JSON lines ({\"subject\", \"input\", \"output\"}) with the original evaluate.py prompts.")]
internal sealed class ExportQloraCommand(IAnsiConsole console) : Command<ExportQloraSettings>
{
    public override int Execute(CommandContext context, ExportQloraSettings settings, CancellationToken cancellationToken) =>
        PlanFileWriter.Write(console, settings.ToOptions() with { Style = PromptStyle.Original.Name }, settings.Out, "records", (plan, stream) =>
            QloraExporter.Write(plan.Questions.Select(i => (i.Question, i.Prompt)), stream));
}
