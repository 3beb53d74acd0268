namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>Log-softmax of float logits, computed in double.</summary>
internal static class LogSoftmax
{
    /// <summary><c>log Σ exp(x)</c>, stable.</summary>
    public static double LogSumExp(ReadOnlySpan<float> logits)
    {
        var max = double.NegativeInfinity;
        foreach (var x in logits)
        {
            if (x > max)
            {
                max = x;
            }
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var sum = 0.0;
        foreach (var x in logits)
        {
            sum += Math.Exp(x - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary><c>log softmax(logits)[token]</c>.</summary>
    public static double Of(ReadOnlySpan<float> logits, int token) => logits[token] - LogSumExp(logits);
}
