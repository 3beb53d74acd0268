using MmluSharp.Reports.Statistics;

namespace MmluSharp.Reports.Comparison;

/// <summary>A run set against the baseline: paired tests overall and per subject, or why pairing was refused.</summary>
/// <param name="Baseline">The first run.</param>
/// <param name="Other">The run compared with it.</param>
/// <param name="Overall">The test over all questions, or null when refused.</param>
/// <param name="Subjects">Per-subject tests (empty when refused).</param>
/// <param name="Refusal">Why the runs were not paired, or null.</param>
public sealed record PairedRuns(
    ComparedRun Baseline, ComparedRun Other, PairedTest? Overall, IReadOnlyDictionary<string, PairedTest> Subjects, string? Refusal)
{
    /// <summary>Pairs <paramref name="other"/> with <paramref name="baseline"/> when their questions and prompts match.</summary>
    /// <param name="baseline">The first run.</param>
    /// <param name="other">The run compared with it.</param>
    public static PairedRuns Of(ComparedRun baseline, ComparedRun other)
    {
        var refusal = Pairing.RefusalReason(baseline, other);
        if (refusal is not null)
        {
            return new PairedRuns(baseline, other, null, new Dictionary<string, PairedTest>(StringComparer.Ordinal), refusal);
        }

        var aligned = Pairing.Align(baseline.Samples!, other.Samples!);
        var subjects = aligned.ToDictionary(s => s.Key, s => PairedTest.Of(s.Value.A, s.Value.B), StringComparer.Ordinal);
        var overall = PairedTest.Of([.. aligned.Values.SelectMany(v => v.A)], [.. aligned.Values.SelectMany(v => v.B)]);
        return new PairedRuns(baseline, other, overall, subjects, null);
    }
}
