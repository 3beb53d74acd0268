namespace MmluSharp.Results;

/// <summary>Accuracy of a group of questions with its standard error (sample standard deviation / √n, as lm-evaluation-harness).</summary>
public sealed record AccuracyStats(double Accuracy, int N, int Correct, double Stderr)
{
    /// <summary>
    /// The normal-approximation 95% interval of this accuracy, clipped to [0, 1], as <c>[lower, upper]</c>: written to
    /// <c>results.json</c> as <c>ci95</c> like the overall interval (a tuple would be written as an empty object).
    /// </summary>
    public IReadOnlyList<double> Ci95
    {
        get
        {
            var (lower, upper) = Interval(Accuracy, Stderr);
            return [lower, upper];
        }
    }

    /// <summary>The normal-approximation 95% interval of a proportion, clipped to [0, 1].</summary>
    public static (double Lower, double Upper) Interval(double accuracy, double stderr) =>
        (Math.Max(0, accuracy - (1.96 * stderr)), Math.Min(1, accuracy + (1.96 * stderr)));

    /// <summary>
    /// Statistics of <paramref name="samples"/>. When questions were asked several times (answer-order rotations),
    /// the standard error is that of the per-question mean correctness over the distinct questions (clustered by
    /// question), not of the samples as if independent; otherwise it equals <see cref="Of(int, int)"/>.
    /// </summary>
    public static AccuracyStats Of(IReadOnlyCollection<Sample> samples)
    {
        var stats = Of(samples.Count(s => s.Correct), samples.Count);
        if (samples.All(s => s.Rotation == 0))
        {
            return stats;
        }

        var means = samples.GroupBy(s => (s.Subject, s.Index)).Select(g => g.Average(s => s.Correct ? 1.0 : 0.0)).ToList();
        if (means.Count < 2)
        {
            return stats with { Stderr = 0 };
        }

        var mean = means.Average();
        var variance = means.Sum(m => (m - mean) * (m - mean)) / (means.Count - 1);
        return stats with { Stderr = Math.Sqrt(variance / means.Count) };
    }

    /// <summary>Statistics of <paramref name="correct"/> right answers out of <paramref name="n"/>.</summary>
    public static AccuracyStats Of(int correct, int n)
    {
        if (n == 0)
        {
            return new AccuracyStats(0, 0, 0, 0);
        }

        var p = (double)correct / n;
        var stderr = n > 1 ? Math.Sqrt(p * (1 - p) / (n - 1)) : 0;
        return new AccuracyStats(p, n, correct, stderr);
    }
}
