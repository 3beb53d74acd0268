using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>Issue 10, case 3: a resumed run compares its stored samples with the data as it is now.</summary>
public class ResumeAfterDataChangeTests
{
    private static readonly string TinyModel = SharedData.Model("llama-2-tiny-random.gguf");

    /// <summary>A private copy of MMLU's anatomy and astronomy (dev and test), to change under a run.</summary>
    private static string CopyOfData()
    {
        var data = Cli.TempFolder("data");
        foreach (var (split, subject) in new[] { ("dev", "anatomy"), ("dev", "astronomy"), ("test", "anatomy"), ("test", "astronomy") })
        {
            Directory.CreateDirectory(Path.Combine(data, split));
            File.Copy(Path.Combine(SharedData.Mmlu, split, $"{subject}_{split}.csv"), Path.Combine(data, split, $"{subject}_{split}.csv"));
        }

        return data;
    }

    private static string[] RunArgs(string data, string folder, params string[] extra) =>
        ["run", "--model", TinyModel, "--data", data, "--subjects", "anatomy,astronomy", "--limit", "4", "--shots", "5", "--out", folder, .. extra];

    private static async Task Succeeds(string[] args)
    {
        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), args);
        Assert.True(exitCode == 0, output);
    }

    /// <summary>A run that scored its first <paramref name="kept"/> questions and was then killed (results.json not written yet).</summary>
    private static async Task<string> InterruptedRun(string data, int kept)
    {
        var folder = Cli.TempFolder("run");
        await Succeeds(RunArgs(data, folder));
        var samples = Path.Combine(folder, "samples.jsonl");
        File.WriteAllLines(samples, File.ReadAllLines(samples).Take(kept));
        File.Delete(Path.Combine(folder, "results.json"));
        return folder;
    }

    /// <summary>Changes row <paramref name="row"/> (0-based) of a CSV whose rows are one line each.</summary>
    private static void EditRow(string file, int row, Func<string, string> edit)
    {
        var lines = File.ReadAllLines(file);
        lines[row] = edit(lines[row]);
        File.WriteAllLines(file, lines);
    }

    [Fact]
    public async Task A_question_changed_since_the_interruption_is_refused_naming_it_and_the_samples_are_kept()
    {
        var data = CopyOfData();
        var folder = await InterruptedRun(data, kept: 6);
        var before = File.ReadAllText(Path.Combine(folder, "samples.jsonl"));
        EditRow(Path.Combine(data, "test", "astronomy_test.csv"), 1, line => "Changed: " + line);

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(data, folder));

        Assert.True(exitCode == 2, output);
        var error = ErrorLine.Of(exitCode, output);
        Assert.Contains("the data changed since this run started: 1 question scored before now has another prompt or answer (astronomy/1)", error, StringComparison.Ordinal);
        Assert.Contains("another --out", error, StringComparison.Ordinal);
        Assert.Contains("--rescore-changed", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder, "samples.jsonl")));
        Assert.False(File.Exists(Path.Combine(folder, "results.json")));
    }

    [Fact]
    public async Task A_changed_few_shot_example_or_gold_letter_is_found_too()
    {
        var data = CopyOfData();
        var folder = await InterruptedRun(data, kept: 6);
        EditRow(Path.Combine(data, "dev", "anatomy_dev.csv"), 2, line => "Changed: " + line);
        EditRow(Path.Combine(data, "test", "astronomy_test.csv"), 0, line => line[..^1] + (line[^1] == 'A' ? 'B' : 'A'));

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(data, folder));

        Assert.Contains(
            "5 questions scored before now have another prompt or answer (anatomy/0, anatomy/1, anatomy/2, anatomy/3, astronomy/0)",
            ErrorLine.Of(exitCode, output),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_rescore_changed_the_changed_questions_are_scored_again_and_the_run_equals_a_fresh_one()
    {
        var data = CopyOfData();
        var folder = await InterruptedRun(data, kept: 6);
        EditRow(Path.Combine(data, "test", "anatomy_test.csv"), 2, line => "Changed: " + line);

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(data, folder, "--rescore-changed"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("1 samples were dropped because their question changed in the data", output, StringComparison.Ordinal);
        var fresh = Cli.TempFolder("fresh");
        await Succeeds(RunArgs(data, fresh));
        Assert.Equal(File.ReadAllText(Path.Combine(fresh, "samples.jsonl")), File.ReadAllText(Path.Combine(folder, "samples.jsonl")));
    }

    [Fact]
    public async Task Questions_added_or_removed_since_the_run_started_are_refused_naming_the_subject()
    {
        var data = CopyOfData();
        string[] Args(string folder) =>
            ["run", "--model", TinyModel, "--data", data, "--subjects", "anatomy", "--shots", "0", "--out", folder];
        var test = Path.Combine(data, "test", "anatomy_test.csv");
        File.WriteAllLines(test, File.ReadAllLines(test).Take(6));
        var folder = Cli.TempFolder("counts");
        await Succeeds(Args(folder));

        File.AppendAllLines(test, ["An added question?,a,b,c,d,C"]);
        var (added, addedOutput) = await MmluProcess.RunAsync(new Dictionary<string, string>(), Args(folder));
        Assert.Contains("questions per subject changed (anatomy 6 → 7)", ErrorLine.Of(added, addedOutput), StringComparison.Ordinal);

        File.WriteAllLines(test, File.ReadAllLines(test).Take(5));
        var (removed, removedOutput) = await MmluProcess.RunAsync(new Dictionary<string, string>(), Args(folder));
        Assert.Contains(
            "1 question scored before is no longer in the data (anatomy/5); questions per subject changed (anatomy 6 → 5)",
            ErrorLine.Of(removed, removedOutput),
            StringComparison.Ordinal);
    }
}
