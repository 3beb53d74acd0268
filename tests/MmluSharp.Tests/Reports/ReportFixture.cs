using MmluSharp.Datasets;
using MmluSharp.Results;

namespace MmluSharp.Tests.Reports;

/// <summary>A fixed run for goldens and browser tests: deterministic samples aggregated the way a real run is.</summary>
internal static class ReportFixture
{
    public static readonly string[] Subjects =
    [
        "abstract_algebra", "anatomy", "college_physics", "high_school_us_history", "philosophy",
        "econometrics", "sociology", "marketing", "virology",
    ];

    public static readonly DateTimeOffset Date = new(2025, 3, 14, 15, 9, 26, TimeSpan.Zero);

    /// <summary>
    /// Question i of subject s (numbered j) is right when (i·7 + j·3 + shift) mod 10 &lt; threshold, with a
    /// confidence that rises with i; <paramref name="shift"/> makes a second model that differs question by question.
    /// </summary>
    public static IReadOnlyList<Sample> Samples(int shift = 0, int questions = 40, int boost = 0)
    {
        var samples = new List<Sample>();
        for (var j = 0; j < Subjects.Length; j++)
        {
            var threshold = 2 + (j % 6) + boost;
            for (var i = 0; i < questions; i++)
            {
                // The gold answer is the question's (the same in every run); runs differ in which they get right.
                var gold = ((i * 7) + (j * 3)) % 10 < 2 + (j % 6) ? "A" : "B";
                var right = ((i * 7) + (j * 3) + shift) % 10 < threshold;
                var top = 0.3 + (0.65 * ((i * 13) % questions) / questions);
                var rest = (1 - top) / 3;
                var p = new[] { top, rest, rest, rest };
                var pred = right ? gold : (gold == "A" ? "B" : "A");
                var logprobs = new Dictionary<string, double>(StringComparer.Ordinal)
                {
                    ["A"] = Math.Log(pred == "A" ? p[0] : p[1]), ["B"] = Math.Log(pred == "B" ? p[0] : p[1]), ["C"] = Math.Log(p[2]), ["D"] = Math.Log(p[3]),
                };
                samples.Add(new Sample(Subjects[j], i, gold, pred, right, logprobs, 5, new string('a', 64)));
            }
        }

        return samples;
    }

    public static RunResults Results(IReadOnlyCollection<Sample>? samples = null, string model = "tiny <llama> | q8_0 & co", int shots = 5, string style = "original")
    {
        samples ??= Samples();
        var description = new RunDescription(
            "mmlu", "test", shots, style, "letter",
            new ModelDescription(model, "/models/tiny.gguf", 123_456_789, new string('f', 64)),
            new RunProvenance("0.1.0", style, 1, "original", "mmlu run --model /models/tiny.gguf --data mmlu --shots 5 --out runs/<x>", Date));
        return Aggregator.Aggregate(samples, description, new TimingStats(12.5, samples.Count / 12.5, 98_765));
    }
}
