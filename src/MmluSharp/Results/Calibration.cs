namespace MmluSharp.Results;

/// <summary>Calibration measures computed from the softmax over each question's choice log-probabilities.</summary>
internal static class Calibration
{
    private const int EqualWidthBins = 10;
    private const int AdaptiveBinSize = 100;

    public static CalibrationStats Compute(IReadOnlyCollection<Sample> scored)
    {
        // Generated answers carry no probabilities: calibration covers the samples that do.
        var samples = scored.Where(s => s.LogProbs.Count > 0).ToList();
        var confidence = new double[samples.Count];
        var correct = new bool[samples.Count];
        var brier = 0.0;
        var i = 0;
        foreach (var sample in samples)
        {
            var letters = sample.LogProbs.Keys.ToArray();
            var probabilities = Softmax([.. sample.LogProbs.Values]);
            confidence[i] = probabilities.Max();
            correct[i] = sample.Correct;
            for (var k = 0; k < probabilities.Length; k++)
            {
                var target = letters[k] == sample.Gold ? 1.0 : 0.0;
                brier += (probabilities[k] - target) * (probabilities[k] - target);
            }

            i++;
        }

        var n = samples.Count;
        var bins = EqualWidth(confidence, correct);
        var ece = n == 0 ? 0 : bins.Sum(b => (double)b.N / n * Math.Abs(b.Accuracy - b.Confidence));
        return new CalibrationStats(ece, RmsAdaptive(confidence, correct), n == 0 ? 0 : brier / n, bins);
    }

    /// <summary>
    /// Softmax computed stably in double precision. A log-probability of −∞ gets probability 0; when every one is −∞
    /// nothing tells the choices apart, and each gets an equal share.
    /// </summary>
    public static double[] Softmax(IReadOnlyList<double> logits)
    {
        var max = logits.Max();
        if (double.IsNegativeInfinity(max))
        {
            return [.. logits.Select(_ => 1.0 / logits.Count)];
        }

        var exp = logits.Select(x => Math.Exp(x - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(x => x / sum)];
    }

    private static CalibrationBin[] EqualWidth(double[] confidence, bool[] correct)
    {
        var count = new int[EqualWidthBins];
        var confSum = new double[EqualWidthBins];
        var rightSum = new int[EqualWidthBins];
        for (var i = 0; i < confidence.Length; i++)
        {
            var b = Math.Min(EqualWidthBins - 1, (int)(confidence[i] * EqualWidthBins));
            count[b]++;
            confSum[b] += confidence[i];
            rightSum[b] += correct[i] ? 1 : 0;
        }

        return [.. Enumerable.Range(0, EqualWidthBins).Select(b => new CalibrationBin(
            (double)b / EqualWidthBins,
            (double)(b + 1) / EqualWidthBins,
            count[b],
            count[b] == 0 ? 0 : confSum[b] / count[b],
            count[b] == 0 ? 0 : (double)rightSum[b] / count[b]))];
    }

    /// <summary>
    /// Hendrycks' <c>calib_err(p='2', beta=100)</c>: sort by confidence, bins of 100 (the last takes the rest),
    /// √Σ (n_b/N)(conf_b − acc_b)². Unlike calib_tools.py, whose loop stops one bin early, every bin counts;
    /// fewer than 100 questions make one bin.
    /// </summary>
    private static double RmsAdaptive(double[] confidence, bool[] correct)
    {
        var n = confidence.Length;
        if (n == 0)
        {
            return 0;
        }

        var order = Enumerable.Range(0, n).OrderBy(i => confidence[i]).ToArray();
        var binCount = Math.Max(1, n / AdaptiveBinSize);
        var total = 0.0;
        for (var b = 0; b < binCount; b++)
        {
            var start = b * AdaptiveBinSize;
            var end = b == binCount - 1 ? n : start + AdaptiveBinSize;
            double conf = 0, acc = 0;
            for (var j = start; j < end; j++)
            {
                conf += confidence[order[j]];
                acc += correct[order[j]] ? 1 : 0;
            }

            var size = end - start;
            var diff = (conf - acc) / size;
            total += (double)size / n * diff * diff;
        }

        return Math.Sqrt(total);
    }
}
