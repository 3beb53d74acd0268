using MmluSharp.Reports;
using Spectre.Console.Rendering;

namespace MmluSharp.Cli.Terminal;

/// <summary>A renderable whose text segments are passed through <see cref="SafeText.Neutralize"/>.</summary>
internal sealed class SafeRenderable(IRenderable inner) : IRenderable
{
    public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        foreach (var segment in inner.Render(options, maxWidth))
        {
            if (segment.IsControlCode || segment.IsLineBreak)
            {
                yield return segment;
                continue;
            }

            var text = SafeText.Neutralize(segment.Text);
            yield return ReferenceEquals(text, segment.Text) ? segment : new Segment(text, segment.Style, segment.Link);
        }
    }
}
