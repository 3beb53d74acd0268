using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

public class DatasetCacheRunTests
{
    [Fact]
    public async Task Without_data_the_downloaded_copy_in_mmlu_home_is_used()
    {
        var home = Cli.TempFolder("home");
        var mmlu = Directory.CreateDirectory(Path.Combine(home, "mmlu")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(mmlu, "val"), Path.Combine(SharedData.Mmlu, "val"));
        await File.WriteAllTextAsync(Path.Combine(mmlu, "manifest.json"), "{}");
        var output = Path.Combine(home, "prompts.jsonl");

        var (exitCode, _) = await MmluProcess.RunAsync(
            new Dictionary<string, string> { ["MMLU_HOME"] = home },
            "prompts", "--split", "val", "--shots", "0", "--subjects", "anatomy", "--out", output);

        Assert.Equal(0, exitCode);
        Assert.Equal(14, File.ReadAllLines(output).Length);
    }

    [Fact]
    public async Task Without_data_and_without_a_download_the_message_says_how_to_get_it()
    {
        var home = Cli.TempFolder("empty-home");
        var (exitCode, output) = await MmluProcess.RunAsync(
            new Dictionary<string, string> { ["MMLU_HOME"] = home, ["COLUMNS"] = "400" },
            "prompts", "--split", "val");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("mmlu datasets download mmlu", output.Replace(Environment.NewLine, " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
