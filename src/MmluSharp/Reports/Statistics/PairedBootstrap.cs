namespace MmluSharp.Reports.Statistics;

/// <summary>A percentile bootstrap interval of the accuracy difference of two runs on the same questions.</summary>
internal static class PairedBootstrap
{
    /// <summary>The seed every comparison uses, so reports are reproducible.</summary>
    public const int DefaultSeed = 20210112;

    /// <summary>Resamples taken.</summary>
    public const int DefaultIterations = 2000;

    /// <summary>
    /// The 95% percentile interval of mean(b − a) over questions, resampling questions with replacement
    /// (<paramref name="iterations"/> times, <see cref="Random"/> seeded with <paramref name="seed"/>).
    /// </summary>
    public static (double Lower, double Upper) Interval(
        IReadOnlyList<bool> a, IReadOnlyList<bool> b, int iterations = DefaultIterations, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(a.Count, b.Count);
        var n = a.Count;
        if (n == 0)
        {
            return (0, 0);
        }

        var diff = new int[n];
        for (var i = 0; i < n; i++)
        {
            diff[i] = (b[i] ? 1 : 0) - (a[i] ? 1 : 0);
        }

        var random = new Random(seed);
        var means = new double[iterations];
        for (var it = 0; it < iterations; it++)
        {
            long sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += diff[random.Next(n)];
            }

            means[it] = (double)sum / n;
        }

        Array.Sort(means);
        return (Quantile(means, 0.025), Quantile(means, 0.975));
    }

    /// <summary>Linear interpolation between order statistics (numpy's default).</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(sorted.Length - 1, low + 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
