using MmluSharp.Datasets;
using MmluSharp.Reports.Statistics;

namespace MmluSharp.Reports.Comparison;

/// <summary>
/// The comparison model behind <c>mmlu compare</c>: a leaderboard of the runs, the paired tests of each run against
/// the first (McNemar's exact test and a paired bootstrap interval of the difference), and per-subject differences;
/// the Markdown and HTML writers render its tables.
/// </summary>
/// <param name="Runs">The runs, the first being the baseline, each with a distinct label.</param>
/// <param name="Pairs">Each other run against the baseline.</param>
/// <param name="Tables">The tables every writer shows, in order.</param>
public sealed record RunComparison(IReadOnlyList<ComparedRun> Runs, IReadOnlyList<PairedRuns> Pairs, IReadOnlyList<ReportTable> Tables)
{
    /// <summary>Compares <paramref name="runs"/> (at least two; the first is the baseline).</summary>
    /// <param name="runs">The runs, e.g. from <see cref="ComparedRun.Load"/>.</param>
    /// <param name="withPublished">Add published reference results to the leaderboard.</param>
    /// <exception cref="ArgumentException">Fewer than two runs.</exception>
    public static RunComparison Build(IReadOnlyList<ComparedRun> runs, bool withPublished = false)
    {
        if (runs.Count < 2)
        {
            throw new ArgumentException("compare needs at least two results files.");
        }

        var labelled = ComparedRun.WithDistinctLabels(runs);
        var pairs = labelled.Skip(1).Select(r => PairedRuns.Of(labelled[0], r)).ToList();
        var tables = new List<ReportTable> { Leaderboard(labelled, withPublished) };
        if (pairs.Any(p => p.Overall is not null))
        {
            tables.Add(PairedOverall(pairs));
        }

        tables.AddRange(pairs.Select(SubjectDifferences));
        return new RunComparison(labelled, pairs, tables);
    }

    /// <summary>Writes the comparison as Markdown.</summary>
    /// <param name="writer">Where it goes.</param>
    public void WriteMarkdown(TextWriter writer) => CompareReport.WriteMarkdown(this, writer);

    /// <summary>Writes the comparison as a self-contained HTML page.</summary>
    /// <param name="writer">Where it goes.</param>
    public void WriteHtml(TextWriter writer) => CompareReport.WriteHtml(this, writer);

    private static ReportTable Leaderboard(IReadOnlyList<ComparedRun> runs, bool withPublished)
    {
        var rows = runs
            .OrderByDescending(r => r.Results.Overall.Accuracy)
            .Select((r, i) => (IReadOnlyList<string>)
            [
                InvariantNumbers.Int(i + 1), r.Label, $"{InvariantNumbers.Int(r.Results.Shots)}-shot {r.Results.Style}",
                InvariantNumbers.Pct(r.Results.Overall.Accuracy), InvariantNumbers.Interval(r.Results.Overall.Ci95[0], r.Results.Overall.Ci95[^1]),
                InvariantNumbers.Pct(r.Results.Overall.MacroAccuracy),
                .. MmluCatalogue.Categories.Select(c => r.Results.Categories.TryGetValue(c, out var s) ? InvariantNumbers.Pct(s.Accuracy) : "–"),
                InvariantNumbers.Int(r.Results.Overall.N),
            ])
            .ToList();
        var note = "Accuracy in %; overall is micro (all questions), macro is the mean of subjects.";
        if (withPublished)
        {
            rows.AddRange(PublishedResults.All.Select(p => (IReadOnlyList<string>)
                ["ref", p.Model, "published", InvariantNumbers.Num(p.Average, "0.0"), "", "", Ref(p.Stem), Ref(p.Humanities), Ref(p.SocialSciences), Ref(p.Other), ""]));
            note += " Published rows (ref): " + string.Join("; ", PublishedResults.All.Select(p => p.Model + ": " + p.Source)) + ".";
        }

        return ReportTable.Of("Leaderboard", 3, ["rank", "run", "setting", "overall %", "95% interval", "macro %", .. MmluCatalogue.Categories, "n"], rows, note);
    }

    private static string Ref(double? value) => value is { } v ? InvariantNumbers.Num(v, "0.0") : "–";

    private static ReportTable PairedOverall(IReadOnlyList<PairedRuns> pairs) =>
        ReportTable.Of(
            $"Paired tests against {pairs[0].Baseline.Label}", 1,
            ["run", "Δ accuracy (pp)", "bootstrap 95% interval", "only baseline right", "only run right", "McNemar p", "significant"],
            pairs.Select(p => p.Overall is { } t
                ? (IReadOnlyList<string>)[p.Other.Label, InvariantNumbers.Delta(t.Difference), InvariantNumbers.DeltaInterval(t.Lower, t.Upper), InvariantNumbers.Int(t.OnlyA), InvariantNumbers.Int(t.OnlyB), InvariantNumbers.P(t.PValue), Mark(t)]
                : [p.Other.Label, "", "", "", "", "", "not paired"]),
            $"Same questions, same prompts: McNemar's exact test on the questions only one run got right, and a paired bootstrap ({InvariantNumbers.Int(PairedBootstrap.DefaultIterations)} resamples, fixed seed) of the difference. Significant: p < 0.05.");

    private static ReportTable SubjectDifferences(PairedRuns pair)
    {
        var a = pair.Baseline.Results.Subjects;
        var b = pair.Other.Results.Subjects;
        var rows = a.Keys.Union(b.Keys, StringComparer.Ordinal)
            .Select(s => (Subject: s, A: a.GetValueOrDefault(s), B: b.GetValueOrDefault(s), Test: pair.Subjects.GetValueOrDefault(s)))
            .OrderByDescending(r => r.A is null || r.B is null ? double.NegativeInfinity : r.B.Accuracy - r.A.Accuracy)
            .ThenBy(r => r.Subject, StringComparer.Ordinal)
            .Select(r => (IReadOnlyList<string>)
            [
                r.Subject,
                r.A is null ? "–" : InvariantNumbers.Pct(r.A.Accuracy),
                r.B is null ? "–" : InvariantNumbers.Pct(r.B.Accuracy),
                r.A is null || r.B is null ? "–" : InvariantNumbers.Delta(r.B.Accuracy - r.A.Accuracy),
                r.Test is null ? "" : InvariantNumbers.DeltaInterval(r.Test.Lower, r.Test.Upper),
                r.Test is null ? "" : InvariantNumbers.P(r.Test.PValue),
                r.Test is null ? "" : Mark(r.Test),
            ]);
        var note = pair.Refusal is null
            ? $"Sorted by difference. Of {InvariantNumbers.Int(pair.Subjects.Count)} subjects, about {InvariantNumbers.Num(pair.Subjects.Count * PairedTest.Alpha, "0.#")} would reach p < 0.05 by chance alone."
            : $"Not paired: {pair.Refusal}. Only the accuracies are compared.";
        return ReportTable.Of(
            $"{pair.Other.Label} against {pair.Baseline.Label} by subject", 1,
            ["subject", pair.Baseline.Label + " %", pair.Other.Label + " %", "Δ (pp)", "bootstrap 95% interval", "McNemar p", "significant"],
            rows, note);
    }

    private static string Mark(PairedTest t) => !t.Significant ? "no" : t.Difference > 0 ? "yes, better" : t.Difference < 0 ? "yes, worse" : "yes";
}
