using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>Issue 10, case 6: one process per run folder, and a lock left by a killed process blocks nothing.</summary>
public class RunFolderLockTests
{
    private static string[] RunArgs(string folder) =>
        ["run", "--model", SharedData.Model("llama-2-tiny-random.gguf"), "--data", SharedData.Mmlu,
         "--subjects", "abstract_algebra,anatomy,astronomy,business_ethics", "--limit", "100", "--shots", "5", "--parallel", "1", "--out", folder];

    [Fact]
    public async Task A_second_run_or_merge_on_a_folder_in_use_names_the_first_process_and_a_killed_holder_blocks_nothing()
    {
        var folder = Cli.TempFolder("lock");
        var samples = Path.Combine(folder, "samples.jsonl");
        using (var first = MmluProcess.Start(RunArgs(folder)))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!first.HasExited && DateTime.UtcNow < deadline && (!File.Exists(samples) || File.ReadAllLines(samples).Length < 10))
            {
                await Task.Delay(20);
            }

            Assert.False(first.HasExited, "the first run ended before the second could start");
            var (secondExit, secondOutput) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(folder));
            var (mergeExit, mergeOutput) = await MmluProcess.RunAsync(new Dictionary<string, string>(), "merge", Cli.TempFolder("shard"), "--out", folder);
            Assert.False(first.HasExited, "the first run ended before the second was refused");

            Assert.Contains($"{folder} is in use by process {first.Id} (an mmlu run or merge)", ErrorLine.Of(secondExit, secondOutput), StringComparison.Ordinal);
            Assert.Contains($"{folder} is in use by process {first.Id}", ErrorLine.Of(mergeExit, mergeOutput), StringComparison.Ordinal);

            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        // The lock of the killed run is no obstacle; the resumed run ends with each question once, in order.
        Assert.Equal(0, await MmluProcess.RunAsync(RunArgs(folder)));
        var keys = File.ReadLines(samples).Select(line =>
        {
            using var sample = System.Text.Json.JsonDocument.Parse(line);
            return $"{sample.RootElement.GetProperty("subject").GetString()}/{sample.RootElement.GetProperty("index").GetInt32()}";
        }).ToList();
        Assert.Equal(400, keys.Count);
        Assert.Equal(keys.OrderBy(k => k.Split('/')[0], StringComparer.Ordinal).ThenBy(k => int.Parse(k.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture)), keys);
        Assert.Equal(400, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
