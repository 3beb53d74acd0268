using MmluSharp.Results;
using MmluSharp.Running;

namespace MmluSharp.Tests.Running;

public class ShardTests
{
    private static readonly RunDescription Description = new(
        "mmlu", "test", 0, "original", "letter", new ModelDescription("scripted", null, null, null),
        new RunProvenance("0.1.0", "original", 1, "original", "mmlu run", DateTimeOffset.UnixEpoch));

    [Fact]
    public async Task Three_shards_merged_equal_the_unsharded_run()
    {
        var plan = EvaluatorTests.Plan(perSubject: 7);
        var whole = Directory.CreateTempSubdirectory("mmlu-whole").FullName;
        var expected = (await new Evaluator(new ScriptedModel()).RunAsync(plan, Description, whole)).Results;

        var folders = new List<string>();
        foreach (var i in new[] { 3, 1, 2 })
        {
            var folder = Directory.CreateTempSubdirectory($"mmlu-shard{i}").FullName;
            var shard = new Shard(i, 3).Apply(plan);
            Assert.InRange(shard.Items.Count, 4, 5);
            await new Evaluator(new ScriptedModel()).RunAsync(shard, Description, folder);
            folders.Add(folder);
        }

        var merged = Directory.CreateTempSubdirectory("mmlu-merged").FullName;
        var results = RunMerger.Merge(folders, merged);

        Assert.Equal(
            File.ReadAllText(Path.Combine(whole, Evaluator.SamplesFile)),
            File.ReadAllText(Path.Combine(merged, Evaluator.SamplesFile)));
        Assert.Equal(expected.Overall, results.Overall with { Ci95 = expected.Overall.Ci95 });
        Assert.Equal(expected.Overall.Ci95, results.Overall.Ci95);
        Assert.Equal(expected.Subjects, results.Subjects);
        Assert.Equal(expected.Calibration.Ece, results.Calibration.Ece);
    }

    [Fact]
    public async Task Merging_an_incomplete_set_of_shards_is_refused_naming_the_missing_one_and_how_to_run_it()
    {
        var plan = EvaluatorTests.Plan(perSubject: 4);
        var folder = Path.Combine(Directory.CreateTempSubdirectory("mmlu-shards").FullName, "run-shard1of2");
        await new Evaluator(new ScriptedModel()).RunAsync(new Shard(1, 2).Apply(plan), Description, folder);

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
        Assert.Throws<ArgumentException>(() => Shard.Parse(text));
}
