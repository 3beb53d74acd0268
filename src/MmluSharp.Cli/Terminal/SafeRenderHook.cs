using MmluSharp.Reports;
using Spectre.Console.Rendering;

namespace MmluSharp.Cli.Terminal;

/// <summary>
/// The terminal's end of <see cref="SafeText"/>: attached to the console's render pipeline, it neutralises the text
/// of every segment any command writes (tables, markup, progress descriptions, error lines, printed reports), so a
/// subject, model, file name or server message can never reach the terminal as an escape sequence. The control
/// segments Spectre.Console itself emits (cursor moves of the live progress display) pass unchanged.
/// </summary>
internal sealed class SafeRenderHook : IRenderHook
{
    public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) =>
        renderables.Select(r => r as SafeRenderable ?? new SafeRenderable(r));
}
