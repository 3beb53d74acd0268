using MmluSharp.Reports.LmEval;
using MmluSharp.Reports.Statistics;

namespace MmluSharp.Tests.Reports;

public class StatisticsTests
{
    [Theory]
    [InlineData(0, 0, 1.0)] // no discordant pairs
    [InlineData(1, 5, 0.21875)] // 2·(C(6,0)+C(6,1))/2⁶ = 2·7/64
    [InlineData(5, 1, 0.21875)] // symmetric
    [InlineData(0, 10, 0.001953125)] // 2·1/2¹⁰
    [InlineData(2, 8, 0.109375)] // 2·(1+10+45)/1024
    [InlineData(3, 3, 1.0)] // 2·42/64 > 1, capped
    [InlineData(0, 1, 1.0)] // 2·½
    [InlineData(4, 16, 0.01181793212890625)] // 2·(1+20+190+1140+4845)/2²⁰ = 12392/1048576
    public void McNemar_exact_p_values_match_hand_computed_binomial_sums(int onlyA, int onlyB, double expected)
    {
        Assert.Equal(expected, McNemar.ExactPValue(onlyA, onlyB), 12);
    }

    [Fact]
    public void McNemar_stays_exact_for_a_full_mmlu_sized_run()
    {
        // Exact rational sums (Python: 2·Σ_{k≤m} comb(n, k) / 2ⁿ with fractions), n = 14,042.
        Assert.Equal(0.7293481006283201, McNemar.ExactPValue(7000, 7042), 1e-9);
        Assert.Equal(0.00019777945272370326, McNemar.ExactPValue(6800, 7242), 1e-13);
        Assert.Equal(0, McNemar.ExactPValue(0, 14042));
    }

    [Fact]
    public void The_bootstrap_interval_of_identical_differences_is_that_difference()
    {
        var a = Enumerable.Repeat(false, 50).ToArray();
        var b = Enumerable.Repeat(true, 50).ToArray();
        Assert.Equal((1.0, 1.0), PairedBootstrap.Interval(a, b));
        Assert.Equal((0.0, 0.0), PairedBootstrap.Interval(a, a));
    }

    [Fact]
    public void The_bootstrap_is_deterministic_and_brackets_the_observed_difference()
    {
        var a = Enumerable.Range(0, 200).Select(i => i % 2 == 0).ToArray(); // 50%
        var b = Enumerable.Range(0, 200).Select(i => i % 5 != 0).ToArray(); // 80%
        var first = PairedBootstrap.Interval(a, b);
        Assert.Equal(first, PairedBootstrap.Interval(a, b));
        Assert.InRange(0.30, first.Lower, first.Upper);
        // Differences take values −1, 0, 1 with mean 0.3 and sd 0.640; the normal 95% width is 2·1.96·0.640/√200 ≈ 0.177.
        Assert.InRange(first.Upper - first.Lower, 0.15, 0.20);
        Assert.NotEqual(first, PairedBootstrap.Interval(a, b, seed: 1));
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics_like_numpy()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.075, PairedBootstrap.Quantile(sorted, 0.025), 12);
        Assert.Equal(3.925, PairedBootstrap.Quantile(sorted, 0.975), 12);
    }

    [Fact]
    public void A_paired_test_counts_discordant_pairs_and_the_difference()
    {
        bool[] a = [true, true, true, false, false, true];
        bool[] b = [true, false, true, true, true, true];
        var t = PairedTest.Of(a, b);
        Assert.Equal((1, 2), (t.OnlyA, t.OnlyB));
        Assert.Equal(1.0 / 6, t.Difference, 12);
        Assert.Equal(1.0, t.PValue, 12); // 2·(1+3)/8
        Assert.False(t.Significant);
    }

    [Fact]
    public void Group_stderr_is_lm_evals_pooled_sample_stderr()
    {
        // Two subtasks: n=100 stderr=0.05 and n=300 stderr=0.02.
        // pooled var = (99·0.0025·100 + 299·0.0004·300) / (400 − 2) = (24.75 + 35.88) / 398 = 0.152336683...
        // stderr = √(0.152336683 / 400) = 0.019515168...
        var pooled = LmEvalGroups.Pool("g", "g", [new LmEvalGroup("a", "a", 0.5, 0.05, 100, 100), new LmEvalGroup("b", "b", 0.7, 0.02, 300, 300)]);
        Assert.Equal(0.65, pooled.Accuracy, 12);
        Assert.Equal(Math.Sqrt(60.63 / 398 / 400), pooled.Stderr!.Value, 12);
        Assert.Equal(0.0195152, pooled.Stderr.Value, 6);
        Assert.Equal(400, pooled.N);
    }
}
