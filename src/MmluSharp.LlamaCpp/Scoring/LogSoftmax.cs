namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>Log-softmax of float logits, computed in double.</summary>
internal static class LogSoftmax
{
    /// <summary><c>log Σ exp(x)</c>, stable; NaN when a logit is NaN, +∞ when one is +∞.</summary>
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

        if (double.IsInfinity(max))
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

    /// <summary>
    /// <c>log softmax(logits)[token]</c> given <paramref name="logSumExp"/> = <see cref="LogSumExp"/>(<paramref name="logits"/>).
    /// −∞ is a legal answer (a token of probability 0); a row holding NaN or +∞, or only −∞, has no distribution.
    /// </summary>
    /// <exception cref="NonFiniteLogitsException">The row has no distribution.</exception>
    public static double Of(ReadOnlySpan<float> logits, double logSumExp, int token)
    {
        var value = logits[token] - logSumExp;
        if (!double.IsFinite(logSumExp) || double.IsNaN(value))
        {
            throw new NonFiniteLogitsException(Describe(logits));
        }

        return value;
    }

    /// <summary>What is wrong with a row that has no distribution, e.g. <c>3 NaN among its 32000 logits</c>.</summary>
    internal static string Describe(ReadOnlySpan<float> logits)
    {
        int nan = 0, positive = 0;
        foreach (var x in logits)
        {
            nan += float.IsNaN(x) ? 1 : 0;
            positive += float.IsPositiveInfinity(x) ? 1 : 0;
        }

        return FormattableString.Invariant(
            $"{(nan > 0 ? $"{nan} NaN" : positive > 0 ? $"{positive} +Infinity" : "only -Infinity")} among its {logits.Length} logits");
    }
}
