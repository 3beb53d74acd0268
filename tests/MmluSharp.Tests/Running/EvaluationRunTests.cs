using MmluSharp.Datasets;
using MmluSharp.Prompting;
using MmluSharp.Results;
using MmluSharp.Running;

namespace MmluSharp.Tests.Running;

public class EvaluationRunTests
{
    internal static EvaluationPlan Plan(string? folder = null, int perSubject = 10, string shots = "0", Shard? shard = null)
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

        var settings = new Dictionary<string, string> { ["shots"] = shots, ["split"] = "test" };
        if (shard is not null)
        {
            settings[Shard.SettingName] = shard.ToString();
        }

        return HandMadePlans.Of(shard is null ? items : shard.Select(items), settings, new EvaluationOptions { OutputFolder = folder });
    }

    private static string NewFolder() => Directory.CreateTempSubdirectory("mmlu-run").FullName;

    [Fact]
    public async Task A_run_writes_every_sample_in_plan_order_and_the_results()
    {
        var folder = NewFolder();
        var outcome = await new ScriptedModel().EvaluateAsync(Plan(folder));

        Assert.Equal(20, outcome.Scored);
        Assert.Equal(20, outcome.Results.Overall.N);
        var samples = SampleLog.ReadAll(Path.Combine(folder, RunFolderFiles.Samples));
        Assert.Equal(Plan().Questions.Select(i => i.Key), samples.Select(s => $"{s.Subject}/{s.Index}"));
        Assert.Equal(100, outcome.Results.Timing.TokensDecoded);
        Assert.True(File.Exists(Path.Combine(folder, RunFolderFiles.Results)));
    }

    [Fact]
    public async Task An_interrupted_run_resumes_without_rescoring_and_ends_identical_to_an_uninterrupted_one()
    {
        var whole = NewFolder();
        await new ScriptedModel().EvaluateAsync(Plan(whole));

        var broken = NewFolder();
        using var cts = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ScriptedModel(cancelAfter: 13, cts).EvaluateAsync(Plan(broken), cancellationToken: cts.Token));
        Assert.Equal(13, SampleLog.ReadAll(Path.Combine(broken, RunFolderFiles.Samples)).Count);

        var model = new ScriptedModel();
        var outcome = await model.EvaluateAsync(Plan(broken));
        Assert.Equal(7, model.Answered);
        Assert.Equal(13, outcome.Resumed);
        Assert.Equal(
            File.ReadAllText(Path.Combine(whole, RunFolderFiles.Samples)),
            File.ReadAllText(Path.Combine(broken, RunFolderFiles.Samples)));
    }

    [Fact]
    public async Task A_finished_run_is_not_redone()
    {
        var folder = NewFolder();
        await new ScriptedModel().EvaluateAsync(Plan(folder));
        var model = new ScriptedModel();
        var outcome = await model.EvaluateAsync(Plan(folder));
        Assert.True(outcome.AlreadyComplete);
        Assert.Equal(0, model.Answered);
        Assert.Equal(20, outcome.Results.Overall.N);
    }

    [Fact]
    public async Task A_folder_holding_a_run_with_other_settings_is_refused_naming_the_difference_and_the_library_option_to_change()
    {
        var folder = NewFolder();
        await new ScriptedModel().EvaluateAsync(Plan(folder, shots: "0"));
        var error = await Assert.ThrowsAsync<RunMismatchException>(() =>
            new ScriptedModel().EvaluateAsync(Plan(folder, shots: "5")));
        Assert.Equal($"{folder} holds a run with other settings (shots 0 → 5); choose another OutputFolder or delete that folder.", error.Message);
        Assert.Equal(
            $"{folder} holds a run with other settings (shots 0 → 5); choose another --out or delete that folder.",
            error.Describe(name => name == nameof(EvaluationOptions.OutputFolder) ? "--out" : name));
    }
}
