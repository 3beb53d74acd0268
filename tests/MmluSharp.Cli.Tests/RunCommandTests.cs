using System.Text.Json;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class RunCommandTests
{
    private static readonly string TinyModel = SharedData.Model("llama-2-tiny-random.gguf");

    private static string[] RunArgs(string folder, string subjects = "abstract_algebra,anatomy", string limit = "8", string model = "") =>
        ["run", "--model", model.Length > 0 ? model : TinyModel, "--data", SharedData.Mmlu, "--subjects", subjects,
         "--limit", limit, "--shots", "5", "--out", folder];

    [Fact]
    public async Task Run_on_a_tiny_gguf_writes_results_and_samples_for_every_question()
    {
        var folder = Cli.TempFolder("run");
        var result = await Cli.RunAsync(RunArgs(folder));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("overall (micro)", result.Output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var root = doc.RootElement;
        Assert.Equal("mmlusharp.results/1", root.GetProperty("schema").GetString());
        Assert.Equal(5, root.GetProperty("shots").GetInt32());
        Assert.Equal("letter", root.GetProperty("scoring").GetString());
        Assert.Equal(16, root.GetProperty("overall").GetProperty("n").GetInt32());
        Assert.Equal("81f226c62d28ed4a1a9b9fa080fcd9f0cc40e0f9d5680036583ff98fbcd035cb", root.GetProperty("model").GetProperty("sha256").GetString());
        Assert.Equal("other", root.GetProperty("subjects").GetProperty("anatomy").GetProperty("category").GetString());
        Assert.True(root.GetProperty("timing").GetProperty("tokens_decoded").GetInt64() > 0);

        Assert.Contains("anatomy", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);

        var samples = File.ReadAllLines(Path.Combine(folder, "samples.jsonl"));
        Assert.Equal(16, samples.Length);
        using var sample = JsonDocument.Parse(samples[0]);
        Assert.Equal(4, sample.RootElement.GetProperty("logprobs").EnumerateObject().Count());
        Assert.Equal(5, sample.RootElement.GetProperty("shots_used").GetInt32());
        Assert.Equal(64, sample.RootElement.GetProperty("prompt_sha256").GetString()!.Length);
    }

    [Fact]
    public async Task The_same_command_twice_gives_identical_samples_and_the_second_does_not_rescore()
    {
        var first = Cli.TempFolder("det1");
        var second = Cli.TempFolder("det2");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(first))).ExitCode);
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(second))).ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(first, "samples.jsonl")), File.ReadAllText(Path.Combine(second, "samples.jsonl")));

        var again = await Cli.RunAsync(RunArgs(first));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already holds this finished run", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_killed_mid_way_resumes_and_ends_with_the_samples_of_an_uninterrupted_run()
    {
        const string subjects = "abstract_algebra,anatomy,astronomy,business_ethics";
        var whole = Cli.TempFolder("whole");
        Assert.Equal(0, await MmluProcess.RunAsync([.. RunArgs(whole, subjects, "40"), "--parallel", "1"]));

        var killed = Cli.TempFolder("killed");
        var samples = Path.Combine(killed, "samples.jsonl");
        await MmluProcess.KillOnceAsync(samples, 20, [.. RunArgs(killed, subjects, "40"), "--parallel", "1"]);

        var scoredBeforeKill = File.ReadAllLines(samples).Length;
        Assert.InRange(scoredBeforeKill, 20, 159);
        Assert.Equal(0, await MmluProcess.RunAsync([.. RunArgs(killed, subjects, "40"), "--parallel", "1"]));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "samples.jsonl")), File.ReadAllText(samples));
    }

    [Fact]
    public async Task A_file_that_is_not_gguf_is_one_line_naming_it_and_exit_code_2()
    {
        var folder = Cli.TempFolder("notgguf");
        var fake = Path.Combine(folder, "model.gguf");
        await File.WriteAllTextAsync(fake, "this is not a model");

        var result = await Cli.RunAsync(RunArgs(Path.Combine(folder, "out"), model: fake));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("model.gguf", result.Output, StringComparison.Ordinal);
        Assert.Contains("GGUF", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "out", "results.json")));
    }

    [Fact]
    public async Task Resuming_with_other_settings_is_refused_naming_the_difference()
    {
        var folder = Cli.TempFolder("mismatch");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(folder, limit: "2"))).ExitCode);
        var result = await Cli.RunAsync(RunArgs(folder, limit: "3"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("limit 2 → 3", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Qlora_json_runs_with_max_samples_and_reports_val_zero_shot()
    {
        var folder = Cli.TempFolder("qlora");
        var result = await Cli.RunAsync("run", "--model", SharedData.Model("stories260K.gguf"), "--data", SharedData.QloraVal,
            "--max-samples", "25", "--out", folder);

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var root = doc.RootElement;
        Assert.Equal("val", root.GetProperty("split").GetString());
        Assert.Equal(0, root.GetProperty("shots").GetInt32());
        Assert.Equal("qlora", root.GetProperty("style").GetString());
        Assert.Equal(25, root.GetProperty("overall").GetProperty("n").GetInt32());
        Assert.True(root.GetProperty("overall").TryGetProperty("macro_accuracy", out _));
    }

    [Fact]
    public async Task Permute_cyclic_asks_every_question_in_four_orders_and_reports_robustness()
    {
        var folder = Cli.TempFolder("permute");
        var result = await Cli.RunAsync([.. RunArgs(folder, "anatomy", "3"), "--permute", "cyclic"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(12, File.ReadAllLines(Path.Combine(folder, "samples.jsonl")).Length);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json")));
        var analysis = doc.RootElement.GetProperty("analysis");
        Assert.Equal(4, analysis.GetProperty("accuracy").EnumerateObject().Count());
        Assert.Equal(3, analysis.GetProperty("counts").GetProperty("questions").GetInt64());
        Assert.Contains("Answer-order robustness", File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Model_info_reads_the_gguf_header()
    {
        var result = Cli.Run("model", "info", TinyModel);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("llama", result.Output, StringComparison.Ordinal);
        Assert.Contains("32,000", result.Output, StringComparison.Ordinal);
        Assert.Contains("4,096", result.Output, StringComparison.Ordinal);
        Assert.Contains("513,048", result.Output, StringComparison.Ordinal);
    }
}
