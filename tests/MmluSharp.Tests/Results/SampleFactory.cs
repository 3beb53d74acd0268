using MmluSharp.Results;

namespace MmluSharp.Tests.Results;

/// <summary>Builds samples from letter probabilities for hand-computed cases.</summary>
internal static class SampleFactory
{
    public static Sample FromProbabilities(string subject, int index, string gold, params double[] probabilities)
    {
        var letters = new[] { "A", "B", "C", "D" };
        var logprobs = letters.Zip(probabilities).ToDictionary(x => x.First, x => Math.Log(x.Second), StringComparer.Ordinal);
        var pred = letters[Array.IndexOf(probabilities, probabilities.Max())];
        return new Sample(subject, index, gold, pred, pred == gold, logprobs, 0, new string('0', 64));
    }

    public static Sample Right(string subject, int index) => FromProbabilities(subject, index, "A", 0.7, 0.1, 0.1, 0.1);

    public static Sample Wrong(string subject, int index) => FromProbabilities(subject, index, "B", 0.7, 0.1, 0.1, 0.1);
}
