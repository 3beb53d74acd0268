using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>
/// Issue 10, case 14 (part): a symbolic link loop in the data, a damaged <c>run.json</c> and numbers out of an
/// option's range are each one line naming the file or the option, and exit code 2.
/// </summary>
public class BadInputTests
{
    private static readonly string TinyModel = SharedData.Model("llama-2-tiny-random.gguf");

    private static string[] RunArgs(string data, string folder, params string[] extra) =>
        ["run", "--model", TinyModel, "--data", data, "--subjects", "anatomy", "--limit", "2", "--shots", "0", "--out", folder, .. extra];

    [Theory]
    [InlineData("data", "")]
    [InlineData("test folder", "test")]
    [InlineData("csv file", "test/anatomy_test.csv")]
    public async Task A_symbolic_link_loop_in_the_data_is_one_line_naming_it(string where, string named)
    {
        var root = Cli.TempFolder("loop");
        var data = Path.Combine(root, "mmlu");
        Directory.CreateDirectory(Path.Combine(data, "test"));
        File.Copy(Path.Combine(SharedData.Mmlu, "test", "anatomy_test.csv"), Path.Combine(data, "test", "anatomy_test.csv"));
        var looped = Path.Combine(data, named);
        if (where == "data")
        {
            Directory.Delete(data, recursive: true);
        }
        else if (where == "test folder")
        {
            Directory.Delete(looped, recursive: true);
        }
        else
        {
            File.Delete(looped);
        }

        File.CreateSymbolicLink(looped.TrimEnd('/'), looped.TrimEnd('/') + ".other");
        File.CreateSymbolicLink(looped.TrimEnd('/') + ".other", looped.TrimEnd('/'));

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(data, Path.Combine(root, "out")));

        var error = ErrorLine.Of(exitCode, output);
        Assert.Contains(looped.TrimEnd('/'), error, StringComparison.Ordinal);
        Assert.Contains("symbolic link loop", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "out", "samples.jsonl")));
    }

    [Theory]
    [InlineData("no settings", "{\"schema\": \"mmlusharp.run/1\", \"elapsed_seconds\": 1, \"tokens_decoded\": 5}")]
    [InlineData("not a JSON object", "null")]
    [InlineData("not valid JSON", "{\"schema\": \"mmlusharp.run/1\", \"settings\": {\"shots\": \"0\"")]
    [InlineData("not valid JSON", "")]
    [InlineData("not valid JSON", "{\"schema\": \"mmlusharp.run/1\", \"settings\": {\"shots\": 0}}")]
    [InlineData("schema 'x' is not mmlusharp.run/1", "{\"schema\": \"x\", \"settings\": {}}")]
    [InlineData("negative totals", "{\"schema\": \"mmlusharp.run/1\", \"settings\": {}, \"elapsed_seconds\": -1}")]
    public async Task A_damaged_run_json_is_one_line_naming_it_and_the_folder_is_left_alone(string problem, string json)
    {
        var folder = Cli.TempFolder("manifest");
        Assert.Equal(0, (await Cli.RunAsync(RunArgs(SharedData.Mmlu, folder))).ExitCode);
        var manifest = Path.Combine(folder, "run.json");
        File.WriteAllText(manifest, json);
        File.Delete(Path.Combine(folder, "results.json"));
        var samples = File.ReadAllText(Path.Combine(folder, "samples.jsonl"));

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(SharedData.Mmlu, folder));

        var error = ErrorLine.Of(exitCode, output);
        Assert.StartsWith($"error: {manifest}", error, StringComparison.Ordinal);
        Assert.Contains("damaged run manifest (", error, StringComparison.Ordinal);
        Assert.Contains(problem, error, StringComparison.Ordinal);
        Assert.Equal(json, File.ReadAllText(manifest));
        Assert.Equal(samples, File.ReadAllText(Path.Combine(folder, "samples.jsonl")));
        Assert.False(File.Exists(Path.Combine(folder, "results.json")));
    }

    [Fact]
    public async Task A_limit_too_large_for_a_number_is_one_line_naming_the_option()
    {
        var (exitCode, output) = await MmluProcess.RunAsync(
            new Dictionary<string, string>(), RunArgs(SharedData.Mmlu, Cli.TempFolder("limit"), "--limit", "99999999999"));

        Assert.Equal("error: --limit 99999999999 is too large: the most it takes is 2147483647.", ErrorLine.Of(exitCode, output));
    }

    [Theory]
    [InlineData("--limit", "0", "--limit must be a positive number, not 0.")]
    [InlineData("--limit", "-3", "--limit must be a positive number, not -3.")]
    [InlineData("--limit", "ten", "--limit takes a whole number, not 'ten'.")]
    [InlineData("--max-samples", "99999999999", "--max-samples 99999999999 is too large: the most it takes is 2147483647.")]
    [InlineData("--max-samples", "0", "--max-samples must be a positive number, not 0.")]
    [InlineData("--shots", "-1", "--shots must be 0 or more, not -1.")]
    [InlineData("--shots", "-99999999999", "--shots -99999999999 is too small: the least it takes is -2147483648.")]
    [InlineData("--batch", "0", "--batch must be a positive number, not 0.")]
    [InlineData("--parallel", "99999999999", "--parallel 99999999999 is too large: the most it takes is 2147483647.")]
    [InlineData("--context", "-1", "--context must be a positive number, not -1.")]
    [InlineData("--threads", "0", "--threads must be between 1 and ")]
    [InlineData("--concurrency", "2000000000", "--concurrency must be between 1 and 1024, not 2000000000.")]
    [InlineData("--concurrency", "0", "--concurrency must be between 1 and 1024, not 0.")]
    [InlineData("--timeout", "999999999", "--timeout must be between 1 and 86400, not 999999999.")]
    [InlineData("--rpm", "2000000000", "--rpm must be between 1 and 1000000, not 2000000000.")]
    [InlineData("--retries", "-1", "--retries must be between 0 and 1000, not -1.")]
    [InlineData("--max-tokens", "0", "--max-tokens must be between 1 and 1000000, not 0.")]
    [InlineData("--top-logprobs", "0", "--top-logprobs must be between 1 and 1000000, not 0.")]
    [InlineData("--max-response-mb", "4096", "--max-response-mb must be between 1 and 2047, not 4096.")]
    public void A_number_option_out_of_range_is_one_line_naming_the_option(string option, string value, string message)
    {
        // The endpoint's options are checked with --endpoint (nothing is sent: the check comes first).
        string[] model = option is "--concurrency" or "--timeout" or "--rpm" or "--retries" or "--max-tokens" or "--top-logprobs" or "--max-response-mb"
            ? ["--endpoint", "http://127.0.0.1:9/v1", "--model", "m"]
            : ["--model", TinyModel];

        var result = Cli.Run(["run", .. model, "--data", SharedData.Mmlu, "--subjects", "anatomy", "--out", Cli.TempFolder("range"), option, value]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: " + message, result.Output.ReplaceLineEndings(" ").Trim(), StringComparison.Ordinal);
    }
}
