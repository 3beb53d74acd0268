namespace MmluSharp.Reports.Svg;

/// <summary>
/// Horizontal accuracy bars, one per row in the given order, with 95% error bars, a 0–100% axis and a dashed line
/// at the chance level the results recorded (25% for four options).
/// </summary>
internal static class BarChart
{
    private const double Width = 760;
    private const double LabelWidth = 270;
    private const double PlotWidth = Width - LabelWidth - 70;
    private const double RowHeight = 16;
    private const double Top = 24;

    /// <summary>The chart of <paramref name="rows"/>; without a <paramref name="chance"/> level it has no chance line.</summary>
    public static string Render(IReadOnlyList<AccuracyRow> rows, string cssClass, string label, double? chance)
    {
        var height = Top + (rows.Count * RowHeight) + 26;
        var svg = new SvgBuilder(Width, height, cssClass, label);
        double X(double p) => LabelWidth + (p * PlotWidth);
        var bottom = Top + (rows.Count * RowHeight);

        for (var tick = 0; tick <= 10; tick += 2)
        {
            var x = X(tick / 10.0);
            svg.Line(x, Top - 4, x, bottom, "#e3e3e3");
            svg.Text(x, bottom + 14, InvariantNumbers.Int(tick * 10) + "%", "middle", "fill=\"#555\"");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = Top + (i * RowHeight);
            var tooltip = $"{r.Name}: {InvariantNumbers.Pct(r.Accuracy)}% {InvariantNumbers.Interval(r.Lower, r.Upper)}, n = {InvariantNumbers.Int(r.N)}";
            svg.Text(LabelWidth - 6, y + 11.5, r.Name, "end");
            svg.Rect(X(0), y + 2, r.Accuracy * PlotWidth, RowHeight - 4, CategoryColors.Of(r.Group.Length > 0 ? r.Group : r.Name), tooltip);
            var mid = y + (RowHeight / 2);
            svg.Line(X(r.Lower), mid, X(r.Upper), mid, "#222", 1.2);
            svg.Line(X(r.Lower), mid - 3, X(r.Lower), mid + 3, "#222", 1.2);
            svg.Line(X(r.Upper), mid - 3, X(r.Upper), mid + 3, "#222", 1.2);
            svg.Text(X(1) + 6, y + 11.5, InvariantNumbers.Pct(r.Accuracy), "start", "fill=\"#333\"");
        }

        if (chance is double level)
        {
            svg.Line(X(level), Top - 8, X(level), bottom, "#c0392b", 1.5, "5 3");
            svg.Text(X(level) + 4, Top - 10, $"chance {InvariantNumbers.PctShort(level)}%", "start", "fill=\"#c0392b\"");
        }

        return svg.ToString();
    }
}
