using MmluSharp.Results;
using MmluSharp.Running;

namespace MmluSharp.Tests.Running;

public class ShardTests
{
    [Fact]
    public async Task Three_shards_merged_equal_the_unsharded_run()
    {
        var whole = Directory.CreateTempSubdirectory("mmlu-whole").FullName;
        var expected = (await new ScriptedModel().EvaluateAsync(EvaluationRunTests.Plan(whole, perSubject: 7))).Results;

        var folders = new List<string>();
        foreach (var i in new[] { 3, 1, 2 })
        {
            var folder = Directory.CreateTempSubdirectory($"mmlu-shard{i}").FullName;
            var shard = EvaluationRunTests.Plan(folder, perSubject: 7, shard: new Shard(i, 3));
            Assert.InRange(shard.Questions.Count, 4, 5);
            await new ScriptedModel().EvaluateAsync(shard);
            folders.Add(folder);
        }

        var merged = Directory.CreateTempSubdirectory("mmlu-merged").FullName;
        var results = RunMerger.Merge(folders, merged);

        Assert.Equal(
            File.ReadAllText(Path.Combine(whole, RunFolderFiles.Samples)),
            File.ReadAllText(Path.Combine(merged, RunFolderFiles.Samples)));
        Assert.Equal(expected.Overall, results.Overall with { Ci95 = expected.Overall.Ci95 });
        Assert.Equal(expected.Overall.Ci95, results.Overall.Ci95);
        Assert.Equal(expected.Subjects, results.Subjects);
        Assert.Equal(expected.Calibration.Ece, results.Calibration.Ece);
    }

    [Fact]
    public async Task Merging_an_incomplete_set_of_shards_is_refused_naming_the_missing_one_and_how_to_run_it()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("mmlu-shards").FullName, "run-shard1of2");
        await new ScriptedModel().EvaluateAsync(EvaluationRunTests.Plan(folder, perSubject: 4, shard: new Shard(1, 2)));

        var error = Assert.Throws<RunMismatchException>(() => RunMerger.Merge([folder], Directory.CreateTempSubdirectory("m").FullName));

        // A run started from the library records no command: the line says what to add to it.
        var missing = folder.Replace("shard1of2", "shard2of2", StringComparison.Ordinal);
        Assert.Equal(
            $"1 of 2 shards are finished; complete the others (each command resumes what its shard already scored), then merge again:\n  shard 2/2 ({missing}, missing): run its mmlu run command again with --shard 2/2 --out {missing}",
            error.Message);
    }

    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Bad_shard_specifications_are_refused(string text) =>
        Assert.Equal("Shard", Assert.Throws<OptionException>(() => Shard.Parse(text)).Option);
}
