using MmluSharp.Benchmarks;
using MmluSharp.Datasets;
using MmluSharp.Running;
using MmluSharp.Testing;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Tests.Benchmarks.MmluRedux;

public class MmluReduxBenchmarkTests
{
    private static readonly string Redux = SharedData.Dataset("mmlu-redux");

    private static PlanRequest Request(int shots, string data = "", string split = "test", string? style = null) =>
        new(data.Length > 0 ? data : Redux, split, shots, style, ["virology", "anatomy"], 3, Benchmark: "mmlu-redux");

    [Fact]
    public void Zero_shot_plan_has_test_questions_prompted_as_mmlu_and_an_analysis()
    {
        var plan = BenchmarkRegistry.Default.Get("mmlu-redux").Plan(Request(0));

        Assert.Equal(("test", 0, "original", "mmlu"), (plan.Split, plan.Shots, plan.Style, plan.Catalogue.Benchmark));
        Assert.Equal(["anatomy/0", "anatomy/1", "anatomy/2", "virology/0", "virology/1", "virology/2"], plan.Items.Select(i => i.Key));
        var first = plan.Items[0];
        Assert.Equal([" A", " B", " C", " D"], first.Continuations);
        Assert.StartsWith("The following are multiple choice questions (with answers) about  anatomy.\n\n", first.Prompt.Text, StringComparison.Ordinal);
        Assert.EndsWith("\nAnswer:", first.Prompt.Text, StringComparison.Ordinal);
        Assert.NotNull(plan.Analyze);
    }

    [Fact]
    public void Five_shot_takes_the_dev_rows_of_the_sibling_mmlu_folder_and_matches_mmlu_prompts()
    {
        var plan = BenchmarkRegistry.Default.Get("mmlu-redux").Plan(Request(5, style: "harness"));
        var mmlu = BenchmarkRegistry.Default.Get("mmlu").Plan(new PlanRequest(SharedData.Mmlu, "test", 5, "harness", ["anatomy"]));

        var redux = plan.Items[0];
        var same = mmlu.Items.Single(i => i.Question.Text.Trim() == redux.Question.Text.Trim());
        Assert.Equal(same.Prompt.Text, redux.Prompt.Text);
    }

    [Fact]
    public void Shots_without_an_mmlu_folder_beside_it_and_other_splits_are_argument_errors()
    {
        using var temp = new TempFolder();
        var copy = Path.Combine(temp.Path, "redux");
        Directory.CreateDirectory(copy);
        foreach (var subject in new[] { "anatomy", "virology" })
        {
            File.Copy(Path.Combine(Redux, $"mmlu_{subject}.csv"), Path.Combine(copy, $"mmlu_{subject}.csv"));
        }

        var benchmark = BenchmarkRegistry.Default.Get("mmlu-redux");
        var e = Assert.Throws<OptionException>(() => benchmark.Plan(Request(5, copy)));
        Assert.Equal("Shots", e.Option);
        Assert.StartsWith("Shots 5 on MMLU-Redux needs MMLU's dev split: expected MMLU in the original layout at " + Path.Combine(temp.Path, "mmlu"), e.Message, StringComparison.Ordinal);
        Assert.Equal(6, benchmark.Plan(Request(0, copy)).Items.Count);
        Assert.EndsWith("or ask for Shots 0.", e.Message, StringComparison.Ordinal);
        Assert.Equal("Split for MMLU-Redux must be test (its only split), not 'val'.", Assert.Throws<OptionException>(() => benchmark.Plan(Request(0, split: "val"))).Message);
        Assert.Throws<DatasetException>(() => benchmark.Plan(Request(0) with { Subjects = ["nope"] }));
    }
}
