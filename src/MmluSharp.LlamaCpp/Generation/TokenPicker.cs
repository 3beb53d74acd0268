using MmluSharp.LlamaCpp.Scoring;
using MmluSharp.Models.Generation;

namespace MmluSharp.LlamaCpp.Generation;

/// <summary>
/// Chooses the next token from a row of logits: greedy (the largest logit, the first on ties, as llama.cpp's greedy
/// sampler) or, for a chat client asked for it, sampled with temperature, top-k and top-p from a seeded generator.
/// </summary>
internal sealed class TokenPicker(Sampling? sampling)
{
    private readonly Random? random = sampling is null ? null : new Random(unchecked((int)sampling.Seed ^ (int)(sampling.Seed >> 32)));

    /// <exception cref="NonFiniteLogitsException">The row holds NaN or +∞.</exception>
    public int Pick(ReadOnlySpan<float> logits) => sampling is null ? Greedy(logits) : Sample(logits, sampling, random!);

    /// <summary>The index of the largest logit, the first on ties.</summary>
    public static int Greedy(ReadOnlySpan<float> logits)
    {
        var best = 0;
        var max = float.NegativeInfinity;
        var broken = false;
        for (var i = 0; i < logits.Length; i++)
        {
            var x = logits[i];
            broken |= float.IsNaN(x) || float.IsPositiveInfinity(x);
            if (x > max)
            {
                (max, best) = (x, i);
            }
        }

        if (broken || float.IsNegativeInfinity(max))
        {
            throw new NonFiniteLogitsException(LogSoftmax.Describe(logits));
        }

        return best;
    }

    private static int Sample(ReadOnlySpan<float> logits, Sampling sampling, Random random)
    {
        var greedy = Greedy(logits);
        if (sampling.Temperature <= 0)
        {
            return greedy;
        }

        var order = new int[logits.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var copy = logits.ToArray();
        Array.Sort(order, (a, b) => copy[b].CompareTo(copy[a]) is var c && c != 0 ? c : a.CompareTo(b));
        var keep = sampling.TopK is int k && k > 0 ? Math.Min(k, order.Length) : order.Length;
        var weights = new double[keep];
        var total = 0.0;
        for (var i = 0; i < keep; i++)
        {
            weights[i] = Math.Exp((copy[order[i]] - copy[order[0]]) / sampling.Temperature);
            total += weights[i];
        }

        if (sampling.TopP is float p && p < 1)
        {
            var cumulative = 0.0;
            for (var i = 0; i < keep; i++)
            {
                cumulative += weights[i] / total;
                if (cumulative >= p)
                {
                    keep = i + 1;
                    break;
                }
            }

            total = weights.AsSpan(0, keep).ToArray().Sum();
        }

        var draw = random.NextDouble() * total;
        for (var i = 0; i < keep; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return order[i];
            }
        }

        return order[keep - 1];
    }
}
