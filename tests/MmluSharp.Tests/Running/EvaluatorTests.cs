using MmluSharp.Datasets;
using MmluSharp.Prompting;
using MmluSharp.Results;
using MmluSharp.Running;

namespace MmluSharp.Tests.Running;

public class EvaluatorTests
{
    private static readonly RunDescription Description = new(
        "mmlu", "test", 0, "original", "letter", new ModelDescription("scripted", null, null, null),
        new RunProvenance("0.1.0", "original", 1, "original", "mmlu run", DateTimeOffset.UnixEpoch));

    internal static RunPlan Plan(int perSubject = 10, string shots = "0")
    {
        var items = new List<PromptedQuestion>();
        foreach (var subject in new[] { "anatomy", "virology" })
        {
            for (var i = 0; i < perSubject; i++)
            {
                var q = new Question("mmlu", subject, "test", i, $"Q{i}", ["a", "b", "c", "d"], i % 4);
                items.Add(new PromptedQuestion(q, Prompt.PreRendered($"{subject} {i}\nAnswer:"), [" A", " B", " C", " D"]));
            }
        }

        return new RunPlan(items, new Dictionary<string, string> { ["shots"] = shots, ["split"] = "test" });
    }

    private static string NewFolder() => Directory.CreateTempSubdirectory("mmlu-run").FullName;

    [Fact]
    public async Task A_run_writes_every_sample_in_plan_order_and_the_results()
    {
        var folder = NewFolder();
        var outcome = await new Evaluator(new ScriptedModel()).RunAsync(Plan(), Description, folder);

        Assert.Equal(20, outcome.Scored);
        Assert.Equal(20, outcome.Results.Overall.N);
        var samples = SampleLog.ReadAll(Path.Combine(folder, Evaluator.SamplesFile));
        Assert.Equal(Plan().Items.Select(i => i.Key), samples.Select(s => $"{s.Subject}/{s.Index}"));
        Assert.Equal(100, outcome.Results.Timing.TokensDecoded);
        Assert.True(File.Exists(Path.Combine(folder, Evaluator.ResultsFile)));
    }

    [Fact]
    public async Task An_interrupted_run_resumes_without_rescoring_and_ends_identical_to_an_uninterrupted_one()
    {
        var whole = NewFolder();
        await new Evaluator(new ScriptedModel()).RunAsync(Plan(), Description, whole);

        var broken = NewFolder();
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new Evaluator(new ScriptedModel(cancelAfter: 13, cts)).RunAsync(Plan(), Description, broken, cancellationToken: cts.Token));
        Assert.Equal(13, SampleLog.ReadAll(Path.Combine(broken, Evaluator.SamplesFile)).Count);

        var model = new ScriptedModel();
        var outcome = await new Evaluator(model).RunAsync(Plan(), Description, broken);
        Assert.Equal(7, model.Answered);
        Assert.Equal(13, outcome.Resumed);
        Assert.Equal(
            File.ReadAllText(Path.Combine(whole, Evaluator.SamplesFile)),
            File.ReadAllText(Path.Combine(broken, Evaluator.SamplesFile)));
    }

    [Fact]
    public async Task A_finished_run_is_not_redone()
    {
        var folder = NewFolder();
        await new Evaluator(new ScriptedModel()).RunAsync(Plan(), Description, folder);
        var model = new ScriptedModel();
        var outcome = await new Evaluator(model).RunAsync(Plan(), Description, folder);
        Assert.True(outcome.AlreadyComplete);
        Assert.Equal(0, model.Answered);
        Assert.Equal(20, outcome.Results.Overall.N);
    }

    [Fact]
    public async Task A_folder_holding_a_run_with_other_settings_is_refused_naming_the_difference()
    {
        var folder = NewFolder();
        await new Evaluator(new ScriptedModel()).RunAsync(Plan(shots: "0"), Description, folder);
        var error = await Assert.ThrowsAsync<RunMismatchException>(() =>
            new Evaluator(new ScriptedModel()).RunAsync(Plan(shots: "5"), Description, folder));
        Assert.Contains("shots 0 → 5", error.Message, StringComparison.Ordinal);
    }
}
