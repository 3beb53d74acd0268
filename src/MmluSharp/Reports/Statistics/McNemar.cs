namespace MmluSharp.Reports.Statistics;

/// <summary>McNemar's exact test of paired right/wrong outcomes.</summary>
internal static class McNemar
{
    /// <summary>
    /// The two-sided exact p-value from the discordant pairs: <paramref name="onlyA"/> questions only the first run
    /// got right, <paramref name="onlyB"/> only the second. Under the null each discordant pair is a fair coin, so
    /// p = min(1, 2 · P[Binomial(b + c, ½) ≤ min(b, c)]); no discordant pairs gives 1.
    /// </summary>
    public static double ExactPValue(int onlyA, int onlyB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onlyA);
        ArgumentOutOfRangeException.ThrowIfNegative(onlyB);
        var n = onlyA + onlyB;
        if (n == 0)
        {
            return 1;
        }

        // Σ_{k ≤ m} C(n, k) / 2ⁿ in log space: n reaches 14,042, where 2⁻ⁿ underflows a double.
        var m = Math.Min(onlyA, onlyB);
        var logTerm = -n * Math.Log(2); // log C(n, 0) / 2ⁿ
        var logSum = logTerm;
        for (var k = 1; k <= m; k++)
        {
            logTerm += Math.Log(n - k + 1) - Math.Log(k);
            logSum = LogAdd(logSum, logTerm);
        }

        return Math.Min(1, 2 * Math.Exp(logSum));
    }

    private static double LogAdd(double a, double b)
    {
        var max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }
}
