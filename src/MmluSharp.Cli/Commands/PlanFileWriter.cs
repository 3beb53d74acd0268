using MmluSharp.IO;
using MmluSharp.Running;
using Spectre.Console;

namespace MmluSharp.Cli.Commands;

/// <summary>
/// What <c>prompts</c> and <c>export</c> share: build the plan, write it to a file (whole or not at all) or to
/// standard output, and say how many records went where.
/// </summary>
internal static class PlanFileWriter
{
    public static int Write(IAnsiConsole console, EvaluationOptions options, string? path, string records, Action<EvaluationPlan, Stream> write)
    {
        var plan = EvaluationPlan.Create(options);
        if (path is null or "-")
        {
            using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            write(plan, stdout);
            return 0;
        }

        OutputFiles.Write(path, stream => write(plan, stream));
        console.MarkupLineInterpolated($"Wrote {plan.Questions.Count} {records} to [bold]{path}[/].");
        return 0;
    }
}
