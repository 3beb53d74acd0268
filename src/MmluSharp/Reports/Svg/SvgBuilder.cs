using System.Text;

namespace MmluSharp.Reports.Svg;

/// <summary>A minimal writer of inline SVG: every coordinate invariant, every text HTML-escaped.</summary>
internal sealed class SvgBuilder
{
    private readonly StringBuilder sb = new();

    public SvgBuilder(double width, double height, string cssClass, string label)
    {
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").Append(cssClass)
          .Append("\" role=\"img\" aria-label=\"").Append(HtmlText.Escape(label))
          .Append("\" width=\"").Append(InvariantNumbers.Coord(width)).Append("\" height=\"").Append(InvariantNumbers.Coord(height))
          .Append("\" viewBox=\"0 0 ").Append(InvariantNumbers.Coord(width)).Append(' ').Append(InvariantNumbers.Coord(height))
          .Append("\" font-family=\"sans-serif\" font-size=\"11\">");
    }

    public SvgBuilder Rect(double x, double y, double w, double h, string fill, string? tooltip = null)
    {
        sb.Append("<rect x=\"").Append(InvariantNumbers.Coord(x)).Append("\" y=\"").Append(InvariantNumbers.Coord(y))
          .Append("\" width=\"").Append(InvariantNumbers.Coord(Math.Max(0, w))).Append("\" height=\"").Append(InvariantNumbers.Coord(Math.Max(0, h)))
          .Append("\" fill=\"").Append(fill).Append('"');
        if (tooltip is null)
        {
            sb.Append("/>");
        }
        else
        {
            sb.Append("><title>").Append(HtmlText.Escape(tooltip)).Append("</title></rect>");
        }

        return this;
    }

    public SvgBuilder Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string dash = "")
    {
        sb.Append("<line x1=\"").Append(InvariantNumbers.Coord(x1)).Append("\" y1=\"").Append(InvariantNumbers.Coord(y1))
          .Append("\" x2=\"").Append(InvariantNumbers.Coord(x2)).Append("\" y2=\"").Append(InvariantNumbers.Coord(y2))
          .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(InvariantNumbers.Coord(width)).Append('"');
        if (dash.Length > 0)
        {
            sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        sb.Append("/>");
        return this;
    }

    public SvgBuilder Circle(double cx, double cy, double r, string fill, string? tooltip = null)
    {
        sb.Append("<circle cx=\"").Append(InvariantNumbers.Coord(cx)).Append("\" cy=\"").Append(InvariantNumbers.Coord(cy))
          .Append("\" r=\"").Append(InvariantNumbers.Coord(r)).Append("\" fill=\"").Append(fill).Append("\">");
        if (tooltip is not null)
        {
            sb.Append("<title>").Append(HtmlText.Escape(tooltip)).Append("</title>");
        }

        sb.Append("</circle>");
        return this;
    }

    public SvgBuilder Text(double x, double y, string text, string anchor = "start", string extra = "")
    {
        sb.Append("<text x=\"").Append(InvariantNumbers.Coord(x)).Append("\" y=\"").Append(InvariantNumbers.Coord(y))
          .Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (extra.Length > 0)
        {
            sb.Append(' ').Append(extra);
        }

        sb.Append('>').Append(HtmlText.Escape(text)).Append("</text>");
        return this;
    }

    public override string ToString() => sb.ToString() + "</svg>";
}
