using MmluSharp.Prompting;
using MmluSharp.Results;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Running;

public class MmluEvaluatorTests
{
    private static readonly RunDescription Description = new(
        "mmlu", "val", 0, "qlora", "letter", new ModelDescription("scripted", null, null, null),
        new RunProvenance("0.1.0", "qlora", 1, "original", "training loop", DateTimeOffset.UnixEpoch));

    [Fact]
    public async Task Qlora_json_with_max_samples_evaluates_the_first_n_records_in_memory_with_micro_and_macro()
    {
        var plan = PlanBuilder.Build(new PlanRequest(SharedData.QloraVal, "test", 5, PromptStyle.Original.Name, MaxSamples: 30));
        Assert.Equal("val", plan.Settings["split"]);
        Assert.Equal("0", plan.Settings["shots"]);
        Assert.Equal(30, plan.Items.Count);
        Assert.Equal(["abstract_algebra", "anatomy", "astronomy"], plan.Items.Select(i => i.Question.Subject).Distinct());
        Assert.StartsWith("The following are multiple choice questions (with answers) about  abstract algebra.", plan.Items[0].Prompt.Text, StringComparison.Ordinal);

        var (results, samples) = await new MmluEvaluator(new ScriptedModel()).EvaluateAsync(plan.Items, Description);

        Assert.Equal(30, results.Overall.N);
        Assert.Equal(samples.Count(s => s.Correct), results.Overall.Correct);
        var expectedMacro = samples.GroupBy(s => s.Subject).Average(g => g.Count(s => s.Correct) / (double)g.Count());
        Assert.Equal(expectedMacro, results.Overall.MacroAccuracy, 12);
        Assert.Equal(plan.Items.Select(i => i.Key), samples.Select(s => PromptedQuestion.KeyOf(s.Subject, s.Index)));
    }
}
