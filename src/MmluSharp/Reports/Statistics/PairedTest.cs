namespace MmluSharp.Reports.Statistics;

/// <summary>The paired comparison of two runs on one set of questions (a subject, or all of them).</summary>
/// <param name="N">Questions both runs scored.</param>
/// <param name="OnlyA">Questions only the first run got right.</param>
/// <param name="OnlyB">Questions only the second run got right.</param>
/// <param name="Difference">Accuracy of the second minus the first.</param>
/// <param name="Lower">Bootstrap 95% interval of <paramref name="Difference"/>, lower end.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="PValue">McNemar's exact two-sided p-value.</param>
public sealed record PairedTest(int N, int OnlyA, int OnlyB, double Difference, double Lower, double Upper, double PValue)
{
    /// <summary>The level at which differences are marked significant.</summary>
    public const double Alpha = 0.05;

    /// <summary>Whether <see cref="PValue"/> is below <see cref="Alpha"/>.</summary>
    public bool Significant => PValue < Alpha;

    /// <summary>Tests paired outcomes <paramref name="a"/> and <paramref name="b"/> (same questions, same order).</summary>
    /// <param name="a">Whether the first run got each question right.</param>
    /// <param name="b">Whether the second run got each question right.</param>
    /// <param name="seed">The bootstrap's seed (the default makes results reproducible).</param>
    public static PairedTest Of(IReadOnlyList<bool> a, IReadOnlyList<bool> b, int seed = PairedBootstrap.DefaultSeed)
    {
        int onlyA = 0, onlyB = 0;
        for (var i = 0; i < a.Count; i++)
        {
            onlyA += a[i] && !b[i] ? 1 : 0;
            onlyB += b[i] && !a[i] ? 1 : 0;
        }

        var (lower, upper) = PairedBootstrap.Interval(a, b, seed: seed);
        var difference = a.Count == 0 ? 0 : (double)(onlyB - onlyA) / a.Count;
        return new PairedTest(a.Count, onlyA, onlyB, difference, lower, upper, McNemar.ExactPValue(onlyA, onlyB));
    }
}
