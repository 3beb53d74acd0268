using MmluSharp.Results;

namespace MmluSharp.Reports.Svg;

/// <summary>
/// Confidence against accuracy per equal-width bin: a bar of each bin's accuracy, a dot at its mean confidence,
/// and the diagonal a perfectly calibrated model would follow.
/// </summary>
internal static class ReliabilityDiagram
{
    private const double Size = 300;
    private const double Left = 50;
    private const double Top = 16;

    public static string Render(CalibrationStats calibration)
    {
        var svg = new SvgBuilder(Left + Size + 20, Top + Size + 44, "reliability", "reliability diagram: confidence against accuracy");
        double X(double p) => Left + (p * Size);
        double Y(double p) => Top + ((1 - p) * Size);

        for (var tick = 0; tick <= 10; tick += 2)
        {
            var p = tick / 10.0;
            svg.Line(X(p), Y(0), X(p), Y(1), "#eee").Line(X(0), Y(p), X(1), Y(p), "#eee");
            svg.Text(X(p), Y(0) + 14, InvariantNumbers.Num(p, "0.0"), "middle", "fill=\"#555\"");
            svg.Text(X(0) - 6, Y(p) + 4, InvariantNumbers.Num(p, "0.0"), "end", "fill=\"#555\"");
        }

        foreach (var bin in calibration.Bins.Where(b => b.N > 0))
        {
            var tooltip = $"confidence {InvariantNumbers.Interval(bin.Lower, bin.Upper)}: {InvariantNumbers.Int(bin.N)} questions, mean confidence {InvariantNumbers.Pct(bin.Confidence)}%, accuracy {InvariantNumbers.Pct(bin.Accuracy)}%";
            svg.Rect(X(bin.Lower) + 1, Y(bin.Accuracy), ((bin.Upper - bin.Lower) * Size) - 2, bin.Accuracy * Size, "#4e79a7", tooltip);
            svg.Circle(X(bin.Confidence), Y(bin.Accuracy), 3.5, "#e15759", tooltip);
        }

        svg.Line(X(0), Y(0), X(1), Y(1), "#888", 1.2, "4 3");
        svg.Line(X(0), Y(0), X(1), Y(0), "#333").Line(X(0), Y(0), X(0), Y(1), "#333");
        svg.Text(X(0.5), Y(0) + 32, "confidence (max softmax probability)", "middle");
        svg.Text(12, Y(0.5), "accuracy", "middle", $"transform=\"rotate(-90 12 {InvariantNumbers.Coord(Y(0.5))})\"");
        return svg.ToString();
    }
}
