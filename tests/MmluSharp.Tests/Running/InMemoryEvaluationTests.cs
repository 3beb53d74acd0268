using MmluSharp.Prompting;
using MmluSharp.Results;
using MmluSharp.Running;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Running;

public class InMemoryEvaluationTests
{
    [Fact]
    public async Task Qlora_json_with_max_samples_evaluates_the_first_n_records_in_memory_with_micro_and_macro()
    {
        var plan = TestPlans.Build(new PlanRequest(SharedData.QloraVal, "test", 5, PromptStyle.Original.Name, MaxSamples: 30));
        Assert.Equal("val", plan.Settings["split"]);
        Assert.Equal("0", plan.Settings["shots"]);
        Assert.Equal(30, plan.Questions.Count);
        Assert.Equal(["abstract_algebra", "anatomy", "astronomy"], plan.Questions.Select(i => i.Question.Subject).Distinct());
        Assert.StartsWith("The following are multiple choice questions (with answers) about  abstract algebra.", plan.Questions[0].Prompt.Text, StringComparison.Ordinal);

        var outcome = await new ScriptedModel().EvaluateAsync(plan);
        var (results, samples) = (outcome.Results, outcome.Samples);

        Assert.Equal(30, results.Overall.N);
        Assert.Equal(samples.Count(s => s.Correct), results.Overall.Correct);
        var expectedMacro = samples.GroupBy(s => s.Subject).Average(g => g.Count(s => s.Correct) / (double)g.Count());
        Assert.Equal(expectedMacro, results.Overall.MacroAccuracy, 12);
        Assert.Equal(plan.Questions.Select(i => i.Key), samples.Select(s => PromptedQuestion.KeyOf(s.Subject, s.Index)));
    }
}
