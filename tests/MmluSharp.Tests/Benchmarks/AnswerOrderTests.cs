using MmluSharp.Benchmarks;
using MmluSharp.Datasets;
using MmluSharp.Results;

namespace MmluSharp.Tests.Benchmarks;

public class AnswerOrderTests
{
    private static readonly Question Q = new("mmlu", "anatomy", "test", 7, "Q?", ["w", "x", "y", "z"], 2);

    [Fact]
    public void A_rotation_moves_the_options_left_and_the_gold_with_them()
    {
        var r1 = Q.Rotated(1);
        Assert.Equal(["x", "y", "z", "w"], r1.Choices);
        Assert.Equal(1, r1.AnswerIndex);
        Assert.Equal("y", r1.Choices[r1.AnswerIndex]);
        Assert.Equal(1, r1.Rotation);
        Assert.Equal([2, 1, 0, 3], AnswerOrder.Rotations(Q).Select(q => q.AnswerIndex));
    }

    private static Sample Answer(int index, int rotation, string pred)
    {
        var q = Q with { Index = index };
        var rotated = q.Rotated(rotation);
        var gold = Letters.Of(rotated.AnswerIndex);
        var logprobs = new[] { "A", "B", "C", "D" }.ToDictionary(l => l, l => l == pred ? -0.1 : -3.0, StringComparer.Ordinal);
        return new Sample("anatomy", index, gold, pred, pred == gold, logprobs, 0, "", Rotation: rotation);
    }

    [Fact]
    public void Consistency_counts_questions_that_pick_the_same_option_in_every_rotation()
    {
        // Question 0 always picks option y (the gold): C, B, A, D under rotations 0..3.
        // Question 1 always answers position A: options w, x, y, z — inconsistent, right only in rotation 2.
        Sample[] samples =
        [
            Answer(0, 0, "C"), Answer(0, 1, "B"), Answer(0, 2, "A"), Answer(0, 3, "D"),
            Answer(1, 0, "A"), Answer(1, 1, "A"), Answer(1, 2, "A"), Answer(1, 3, "A"),
        ];

        var analysis = AnswerOrder.Analyze(samples);

        Assert.Equal(2, analysis.Counts["questions"]);
        Assert.Equal(1, analysis.Counts["answered consistently in every rotation"]);
        Assert.Equal(0.5, analysis.Accuracy["rotation 0 (as written)"].Accuracy);
        Assert.Equal(1.0, analysis.Accuracy["rotation 2"].Accuracy);
        Assert.Equal(5, analysis.Counts["predicted A"]);
        Assert.Equal(2, analysis.Counts["gold A"]);
        Assert.Contains("A is predicted for 62.5% of questions and is gold for 25.0%.", analysis.Notes);
    }

    [Fact]
    public void Generated_answers_without_log_probabilities_are_analysed_too()
    {
        Sample Generated(int rotation, string pred) =>
            Answer(0, rotation, pred) with { LogProbs = new Dictionary<string, double>(), Response = "Answer: " + pred };

        var analysis = AnswerOrder.Analyze([Generated(0, "C"), Generated(1, "B"), Generated(2, "A"), Generated(3, "")]);

        Assert.Equal(0, analysis.Counts["answered consistently in every rotation"]);
        Assert.Equal(1, analysis.Counts["predicted A"]);
        Assert.Equal(1, analysis.Counts["gold D"]);
    }
}
