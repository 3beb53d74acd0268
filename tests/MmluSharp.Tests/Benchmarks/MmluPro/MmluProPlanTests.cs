using MmluSharp.Results;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Benchmarks.MmluPro;

public class MmluProPlanTests
{
    private static readonly string Data = SharedData.Dataset("mmlu-pro");

    private static Sample S(string subject, int index, string gold, string pred) =>
        new(subject, index, gold, pred, gold == pred, new Dictionary<string, double>(), 5, "");

    [Fact]
    public void A_five_shot_plan_covers_every_test_question_in_the_cot_style()
    {
        var plan = TestPlans.Build(new PlanRequest(Data, "test", 5, null, Benchmark: "mmlu-pro"));
        Assert.Equal(12_032, plan.Questions.Count);
        Assert.Equal(("mmlu-pro", "cot", 2, 5), (plan.Benchmark.Name, plan.Rendered.Style, plan.Rendered.StyleVersion, plan.Rendered.Shots));
        Assert.Equal(["Question:"], plan.Rendered.StopSequences);
        Assert.Equal(2048, plan.Rendered.MaxNewTokens);
        Assert.Equal(14, plan.Rendered.Catalogue.Categories.Count);
        Assert.Equal(plan.Questions.Count, plan.Questions.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("biology", plan.Questions[0].Question.Subject);
    }

    [Fact]
    public void The_harness_plan_stops_where_lm_eval_does_and_the_letter_plan_generates_nothing()
    {
        var harness = TestPlans.Build(new PlanRequest(Data, "test", 5, "harness", ["law"], Limit: 1, Benchmark: "mmlu-pro"));
        Assert.Equal(("harness", 1, (int?)2048), (harness.Rendered.Style, harness.Rendered.StyleVersion, harness.Rendered.MaxNewTokens));
        Assert.Equal(["Question:"], harness.Rendered.StopSequences);
        var letter = TestPlans.Build(new PlanRequest(Data, "test", 5, "letter", ["law"], Limit: 1, Benchmark: "mmlu-pro"));
        Assert.Equal((0, (int?)null), (letter.Rendered.StopSequences.Count, letter.Rendered.MaxNewTokens));
    }

    [Fact]
    public void The_bad_row_is_named_in_the_analysis_even_when_not_asked()
    {
        var plan = TestPlans.Build(new PlanRequest(Data, "test", 0, "letter", ["biology"], Limit: 1, Benchmark: "mmlu-pro"));
        var analysis = plan.Rendered.Analyze!([S("biology", 0, "A", "A")]);
        Assert.Equal(
            "question_id 3983 (chemistry/" + Index3983() + ", test): answer C and answer_index 1 (B) disagree; scored against answer C, as TIGER-Lab evaluate_from_local.py and lm-eval mmlu_pro do (not asked in this run).",
            Assert.Single(analysis.Notes));
        Assert.Equal(1, analysis.Counts["inconsistent answer rows"]);
        Assert.Equal(0, analysis.Counts["inconsistent answer rows asked"]);
        Assert.Empty(analysis.Accuracy);
    }

    [Fact]
    public void When_the_bad_row_is_asked_the_analysis_also_scores_it_against_answer_index()
    {
        var index = Index3983();
        var plan = TestPlans.Build(new PlanRequest(Data, "test", 5, "letter", ["chemistry"], Benchmark: "mmlu-pro"));
        var item = plan.Questions.Single(i => i.Question.Index == index);
        Assert.Equal("C", item.Question.AnswerLetter);

        var analysis = plan.Rendered.Analyze!([S("chemistry", index, "C", "B"), S("chemistry", 0, "A", "A")]);
        Assert.EndsWith("lm-eval mmlu_pro do.", Assert.Single(analysis.Notes), StringComparison.Ordinal);
        Assert.Equal(AccuracyStats.Of(2, 2), analysis.Accuracy["against answer_index"]);
        Assert.Equal(1, analysis.Counts["inconsistent answer rows asked"]);
    }

    [Fact]
    public void Requests_that_do_not_fit_are_refused()
    {
        Assert.Throws<OptionException>(() => TestPlans.Build(new PlanRequest(Data, "test", 6, Benchmark: "mmlu-pro")));
        Assert.Throws<OptionException>(() => TestPlans.Build(new PlanRequest(Data, "dev", 0, Benchmark: "mmlu-pro")));
        Assert.Throws<OptionException>(() => TestPlans.Build(new PlanRequest(Data, "test", 0, "original", Benchmark: "mmlu-pro")));
        Assert.Equal(
            "--shots 5 with --split validation: lm-eval's first_n sampler leaves each question out of its own examples, so it needs 6 validation rows of biology and there are 5; use --shots 4 or fewer.",
            Assert.Throws<OptionException>(() => TestPlans.Build(new PlanRequest(Data, "validation", 5, "harness", Benchmark: "mmlu-pro"))).Describe(o => "--" + o.ToLowerInvariant()));
        var error = Assert.Throws<MmluSharp.Datasets.DatasetException>(() => TestPlans.Build(new PlanRequest(Data, "test", 0, null, ["computer science"], Benchmark: "mmlu-pro")));
        Assert.Contains("unknown subject(s) for split 'test': computer science", error.Message, StringComparison.Ordinal);
    }

    private static int Index3983() =>
        MmluSharp.Benchmarks.MmluPro.MmluProReader.Read(Data, "test").Single(r => r.QuestionId == 3983).Question.Index;
}
