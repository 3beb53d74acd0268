using MmluSharp.Results;

namespace MmluSharp.Tests.Results;

public class CalibrationTests
{
    private static readonly Sample[] TwoQuestions =
    [
        SampleFactory.FromProbabilities("anatomy", 0, "A", 0.7, 0.1, 0.1, 0.1),
        SampleFactory.FromProbabilities("anatomy", 1, "B", 0.25, 0.25, 0.25, 0.25),
    ];

    [Fact]
    public void Ece_is_the_size_weighted_gap_between_accuracy_and_confidence_per_bin()
    {
        // bin 7: confidence .70, accuracy 1; bin 2: confidence .25, accuracy 0 → .5·.30 + .5·.25
        Assert.Equal(0.275, Calibration.Compute(TwoQuestions).Ece, 12);
    }

    [Fact]
    public void Brier_sums_squared_errors_over_the_choices_and_averages_over_questions()
    {
        // (.3² + 3·.1²) = .12 and (3·.25² + .75²) = .75 → mean .435
        Assert.Equal(0.435, Calibration.Compute(TwoQuestions).Brier, 12);
    }

    [Fact]
    public void Rms_error_with_fewer_than_100_questions_uses_one_bin()
    {
        // mean confidence .475, accuracy .5
        Assert.Equal(0.025, Calibration.Compute(TwoQuestions).RmsCalibrationError, 12);
    }

    [Fact]
    public void Rms_error_uses_adaptive_bins_of_100_sorted_by_confidence_and_counts_the_last_bin()
    {
        // 100 confident right answers (conf .7, acc 1) and 150 unsure wrong ones (conf .25, acc 0):
        // bins [0,100) all conf .25 acc 0, [100,250) = 50 × .25/0 + 100 × .7/1.
        var samples = Enumerable.Range(0, 100).Select(i => SampleFactory.Right("anatomy", i))
            .Concat(Enumerable.Range(100, 150).Select(i => SampleFactory.FromProbabilities("anatomy", i, "B", 0.25, 0.25, 0.25, 0.25)))
            .ToList();
        var bin1 = 0.25 - 0;
        var bin2Conf = ((50 * 0.25) + (100 * 0.7)) / 150;
        var bin2Acc = 100.0 / 150;
        var expected = Math.Sqrt((100.0 / 250 * bin1 * bin1) + (150.0 / 250 * (bin2Conf - bin2Acc) * (bin2Conf - bin2Acc)));
        Assert.Equal(expected, Calibration.Compute(samples).RmsCalibrationError, 12);
    }

    [Fact]
    public void Bins_are_ten_equal_width_intervals_with_their_counts()
    {
        var bins = Calibration.Compute(TwoQuestions).Bins;
        Assert.Equal(10, bins.Count);
        Assert.Equal(1, bins[7].N);
        Assert.Equal(0.7, bins[7].Confidence, 12);
        Assert.Equal(1, bins[2].N);
        Assert.Equal(0, bins[2].Accuracy);
        Assert.Equal(2, bins.Sum(b => b.N));
    }

    [Fact]
    public void Full_confidence_falls_into_the_last_bin()
    {
        var certain = SampleFactory.FromProbabilities("anatomy", 0, "A", 1, 1e-300, 1e-300, 1e-300);
        Assert.Equal(1, Calibration.Compute([certain]).Bins[9].N);
    }

    [Fact]
    public void Minus_infinity_has_probability_zero_and_all_minus_infinity_is_uniform()
    {
        Assert.Equal([1.0, 0, 0, 0], Calibration.Softmax([-0.1, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal([0.25, 0.25, 0.25, 0.25], Calibration.Softmax([double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity]));
        var sample = SampleFactory.Right("anatomy", 0) with
        {
            LogProbs = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                ["A"] = 0, ["B"] = double.NegativeInfinity, ["C"] = double.NegativeInfinity, ["D"] = double.NegativeInfinity,
            },
        };

        var stats = Calibration.Compute([sample]);

        Assert.Equal(0, stats.Ece, 12);
        Assert.Equal(0, stats.Brier, 12);
    }
}
