using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MmluSharp.Cli.Terminal;

/// <summary>Questions per second in the progress bar.</summary>
internal sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Speed ?? 0:F1} q/s"));
}
