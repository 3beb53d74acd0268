namespace MmluSharp.Results;

/// <summary>Accuracy of a group of questions with its standard error (sample standard deviation / √n, as lm-evaluation-harness).</summary>
public sealed record AccuracyStats(double Accuracy, int N, int Correct, double Stderr)
{
    /// <summary>The normal-approximation 95% interval of this accuracy, clipped to [0, 1].</summary>
    public (double Lower, double Upper) Interval95 => Interval(Accuracy, Stderr);

    /// <summary>The normal-approximation 95% interval of a proportion, clipped to [0, 1].</summary>
    public static (double Lower, double Upper) Interval(double accuracy, double stderr) =>
        (Math.Max(0, accuracy - (1.96 * stderr)), Math.Min(1, accuracy + (1.96 * stderr)));

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
