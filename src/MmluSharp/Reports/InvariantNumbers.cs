using System.Globalization;

namespace MmluSharp.Reports;

/// <summary>Invariant-culture number formatting shared by every report, whatever the current culture.</summary>
internal static class InvariantNumbers
{
    /// <summary>A proportion as a percentage with one decimal: 0.4391 → <c>43.9</c>.</summary>
    public static string Pct(double p) => (100 * p).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A proportion as a percentage with at most one decimal: 0.25 → <c>25</c>, 0.1029 → <c>10.3</c>.</summary>
    public static string PctShort(double p) => (100 * p).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A proportion as a percentage with two decimals (standard errors): 0.01234 → <c>1.23</c>.</summary>
    public static string Pct2(double p) => (100 * p).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A signed difference in percentage points: 0.031 → <c>+3.1</c>.</summary>
    public static string Delta(double d) => (100 * d).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>A 95% interval in percent: <c>[41.2, 46.5]</c>.</summary>
    public static string Interval(double lower, double upper) => "[" + Pct(lower) + ", " + Pct(upper) + "]";

    /// <summary>A signed interval in percentage points: <c>[−1.0, +4.2]</c>.</summary>
    public static string DeltaInterval(double lower, double upper) => "[" + Delta(lower) + ", " + Delta(upper) + "]";

    /// <summary>A plain number with the given format.</summary>
    public static string Num(double x, string format = "0.0000") => x.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An integer with thousands separators: 14042 → <c>14,042</c>.</summary>
    public static string Int(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A p-value: four decimals, or <c>&lt;0.0001</c>.</summary>
    public static string P(double p) => p < 0.0001 ? "<0.0001" : p.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>SVG coordinates: two decimals at most, invariant.</summary>
    public static string Coord(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
