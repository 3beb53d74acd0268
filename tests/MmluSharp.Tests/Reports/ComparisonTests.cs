using MmluSharp.Reports;
using MmluSharp.Reports.Comparison;
using MmluSharp.Results;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Reports;

public class ComparisonTests
{
    [Fact]
    public void The_markdown_comparison_of_two_paired_runs_and_an_unpaired_one_matches_its_golden()
    {
        var comparison = RunComparison.Build([Baseline, Better, Run("c", ReportFixture.Samples(questions: 30), shots: 0)], withPublished: true);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        CompareReport.WriteMarkdown(comparison, writer);
        Golden.Verify("reports/compare.md", writer.ToString());
    }

    [Fact]
    public void Paired_runs_get_mcnemar_and_bootstrap_per_subject_and_overall()
    {
        var pair = RunComparison.Build([Baseline, Better]).Pairs.Single();
        Assert.Null(pair.Refusal);
        var overall = pair.Overall!;
        Assert.Equal(ReportFixture.Subjects.Length * 40, overall.N);
        Assert.Equal(Better.Results.Overall.Accuracy - Baseline.Results.Overall.Accuracy, overall.Difference, 12);
        Assert.InRange(overall.Difference, overall.Lower, overall.Upper);
        Assert.Equal(ReportFixture.Subjects.Length, pair.Subjects.Count);
        Assert.Equal(Better.Results.Subjects["anatomy"].Accuracy - Baseline.Results.Subjects["anatomy"].Accuracy, pair.Subjects["anatomy"].Difference, 12);
        Assert.Equal(pair.Overall, RunComparison.Build([Baseline, Better]).Pairs.Single().Overall); // fixed seed
    }

    [Fact]
    public void Runs_with_different_shots_or_styles_are_not_paired_and_say_why()
    {
        var shots = RunComparison.Build([Baseline, Run("zero", ReportFixture.Samples(), shots: 0)]).Pairs.Single();
        Assert.Null(shots.Overall);
        Assert.Contains("shots 5 vs 0", shots.Refusal, StringComparison.Ordinal);

        var style = RunComparison.Build([Baseline, Run("h", ReportFixture.Samples(), style: "harness")]).Pairs.Single();
        Assert.Contains("prompt style original vs harness", style.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_that_scored_different_questions_are_not_paired()
    {
        var pair = RunComparison.Build([Baseline, Run("short", ReportFixture.Samples(questions: 30))]).Pairs.Single();
        Assert.Equal("the runs scored different questions (90 only in base, 0 only in short)", pair.Refusal);
    }

    [Fact]
    public void Runs_of_different_benchmarks_or_with_other_gold_answers_under_the_same_numbers_are_not_paired()
    {
        var redux = Run("redux", ReportFixture.Samples());
        redux = redux with { Results = redux.Results with { Benchmark = "mmlu-redux" } };
        Assert.Contains("benchmark mmlu vs mmlu-redux", RunComparison.Build([Baseline, redux]).Pairs.Single().Refusal, StringComparison.Ordinal);

        var otherData = Run("other", [.. ReportFixture.Samples().Select((s, i) => i == 0 ? s with { Gold = s.Gold == "A" ? "B" : "A" } : s)]);
        Assert.Equal(
            "the runs scored different questions under the same numbers (1 have another gold answer)",
            RunComparison.Build([Baseline, otherData]).Pairs.Single().Refusal);
    }

    [Fact]
    public void A_run_without_samples_is_compared_by_accuracy_only()
    {
        var pair = RunComparison.Build([Baseline, Better with { Samples = null }]).Pairs.Single();
        Assert.Contains("better has no samples.jsonl", pair.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_fall_back_to_folder_names_when_models_share_a_name()
    {
        var runs = ComparedRun.WithDistinctLabels([Baseline with { Label = "x" }, Baseline with { Path = "runs/again/results.json" }]);
        Assert.Equal(["base", "again"], runs.Select(r => r.Label));
    }

    private static ComparedRun Baseline { get; } = Run("base", ReportFixture.Samples());

    private static ComparedRun Better { get; } = Run("better", ReportFixture.Samples(shift: 3, boost: 2));

    private static ComparedRun Run(string name, IReadOnlyList<Sample> samples, int shots = 5, string style = "original") =>
        new(name, $"runs/{name}/results.json", ReportFixture.Results(samples, name, shots, style), samples);
}
