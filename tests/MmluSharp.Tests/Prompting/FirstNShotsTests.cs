using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Prompting;

/// <summary>
/// Issue 9 §3: a harness style asked on its own few-shot split leaves each question out of its examples, as
/// lm-evaluation-harness' <c>first_n</c> sampler does (K + 1 rows drawn, rows equal to the question dropped, first K
/// kept), and refuses a shot count the split cannot give.
/// </summary>
public class FirstNShotsTests
{
    private static EvaluationPlan Plan(string benchmark, string style, int shots, string subject, string split = "dev") =>
        TestPlans.Build(new PlanRequest(
            benchmark == "cmmlu" ? SharedData.Dataset("cmmlu") : SharedData.Mmlu, split, shots, style, [subject], Benchmark: benchmark));

    /// <summary>The dev rows (by index) each question's prompt shows, recognised by their question text.</summary>
    private static int[][] ShotRows(EvaluationPlan plan) =>
        [.. plan.Questions.Select(item => plan.Questions
            .Select((other, row) => (other, row))
            .Where(o => item.Prompt.Shots.Any(shot => shot.StartsWith(Lead(o.other), StringComparison.Ordinal)))
            .Select(o => o.row)
            .ToArray())];

    /// <summary>How a harness prompt writes the question: its stripped text and the first option.</summary>
    private static string Lead(MmluSharp.Prompting.PromptedQuestion item) =>
        MmluSharp.Prompting.PythonText.Strip(item.Question.Text) + "\nA. " + item.Question.Choices[0] + "\n";

    [Fact]
    public void Mmlu_harness_on_dev_leaves_each_question_out_of_its_own_four_examples()
    {
        var plan = Plan("mmlu", "harness", 4, "abstract_algebra");
        Assert.Equal(5, plan.Questions.Count);
        Assert.Equal([[1, 2, 3, 4], [0, 2, 3, 4], [0, 1, 3, 4], [0, 1, 2, 4], [0, 1, 2, 3]], ShotRows(plan));
        Assert.All(plan.Questions, item => Assert.DoesNotContain(Lead(item), string.Concat(item.Prompt.Shots), StringComparison.Ordinal));
    }

    [Fact]
    public void A_dev_row_equal_to_the_question_is_dropped_too_as_lm_evals_x_not_equal_doc_does()
    {
        // college_physics dev rows 0 and 3 are the same row: row 0 draws rows 0-4 and drops both.
        var plan = Plan("mmlu", "harness", 4, "college_physics");
        Assert.Equal(3, plan.Questions[0].Prompt.Shots.Count);
        Assert.Equal(3, plan.Questions[3].Prompt.Shots.Count);
        Assert.Equal(4, plan.Questions[1].Prompt.Shots.Count);
    }

    [Fact]
    public void The_original_style_keeps_evaluate_py_shots_on_dev_and_test_questions_are_unaffected()
    {
        var original = Plan("mmlu", "original", 4, "abstract_algebra");
        Assert.All(original.Questions, item => Assert.Equal(original.Questions[0].Prompt.Shots, item.Prompt.Shots));

        var test = Plan("mmlu", "harness", 5, "abstract_algebra", "test");
        Assert.All(test.Questions, item => Assert.Equal(5, item.Prompt.Shots.Count));
    }

    [Fact]
    public void Cmmlu_harness_on_dev_leaves_each_question_out_too()
    {
        var plan = Plan("cmmlu", "harness", 4, "agronomy");
        Assert.Equal([1, 2, 3, 4], ShotRows(plan)[0]);
        Assert.Equal([0, 1, 2, 3], ShotRows(plan)[4]);
    }

    [Theory]
    [InlineData("mmlu", "abstract_algebra")]
    [InlineData("cmmlu", "agronomy")]
    public void Five_shots_from_a_five_row_dev_split_are_refused_naming_the_split_and_the_count(string benchmark, string subject)
    {
        var error = Assert.Throws<OptionException>(() => Plan(benchmark, "harness", 5, subject));
        Assert.Equal(
            $"Shots 5 with Split dev: lm-eval's first_n sampler leaves each question out of its own examples, so it needs 6 dev rows of {subject} and there are 5; use Shots 4 or fewer.",
            error.Message);
        Assert.Equal(
            $"--shots 5 with --split dev: lm-eval's first_n sampler leaves each question out of its own examples, so it needs 6 dev rows of {subject} and there are 5; use --shots 4 or fewer.",
            error.Describe(option => "--" + option.ToLowerInvariant()));
    }
}
