using MmluSharp.Datasets;
using MmluSharp.Results;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Benchmarks.Cmmlu;

public class CmmluPlanTests
{
    private static readonly string Data = SharedData.Dataset("cmmlu");

    [Fact]
    public void A_five_shot_plan_covers_every_test_question_in_the_authors_style()
    {
        var plan = TestPlans.Build(new PlanRequest(Data, "test", 5, null, Benchmark: "cmmlu"));
        Assert.Equal(11_582, plan.Questions.Count);
        Assert.Equal(("cmmlu", "cmmlu", 1, 5, "test"), (plan.Benchmark.Name, plan.Rendered.Style, plan.Rendered.StyleVersion, plan.Rendered.Shots, plan.Rendered.Split));
        Assert.Equal("cmmlu/v1", plan.Settings["style"]);
        Assert.Equal("cmmlu", plan.Rendered.Catalogue.Benchmark);
        Assert.Equal(plan.Questions.Count, plan.Questions.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("agronomy", plan.Questions[0].Question.Subject);
        Assert.NotNull(plan.Rendered.Analyze);
    }

    [Fact]
    public void Requests_that_do_not_fit_are_refused()
    {
        Assert.Throws<OptionException>(() => TestPlans.Build(new PlanRequest(Data, "test", 6, Benchmark: "cmmlu")));
        Assert.Throws<OptionException>(() => TestPlans.Build(new PlanRequest(Data, "val", 0, Benchmark: "cmmlu")));
        Assert.Throws<OptionException>(() => TestPlans.Build(new PlanRequest(Data, "test", 0, "original", Benchmark: "cmmlu")));
        var error = Assert.Throws<DatasetException>(() => TestPlans.Build(new PlanRequest(Data, "test", 0, null, ["anatomy", "nope"], Benchmark: "cmmlu")));
        Assert.Contains("unknown subject(s) for split 'test': nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_analysis_reports_china_specific_accuracy_and_the_authors_subject_means()
    {
        var plan = TestPlans.Build(new PlanRequest(Data, "test", 0, null, ["agronomy", "chinese_history"], Limit: 2, Benchmark: "cmmlu"));
        Sample S(string subject, int index, bool correct) => new(subject, index, "A", correct ? "A" : "B", correct, new Dictionary<string, double>(), 0, "");
        var analysis = plan.Rendered.Analyze!([S("agronomy", 0, true), S("agronomy", 1, true), S("chinese_history", 0, true), S("chinese_history", 1, false)]);

        Assert.Equal(AccuracyStats.Of(1, 2), analysis.Accuracy["China specific"]);
        Assert.Equal(2, analysis.Counts["china_specific_questions"]);
        Assert.Equal(
            "CMMLU authors' averages (mean of subject accuracies, mp_utils.get_results): Humanities 50.00, Other 100.00, China specific 50.00, Overall 75.00",
            Assert.Single(analysis.Notes));
    }
}
