using System.Globalization;
using MmluSharp.Cli.Commands;
using MmluSharp.Cli.Schedulers;
using MmluSharp.Running;
using MmluSharp.Testing;
using YamlDotNet.RepresentationModel;

namespace MmluSharp.Cli.Tests.Deploy;

/// <summary>
/// deploy/kubernetes cannot run here: what can be checked is that every manifest parses, has the expected kinds,
/// and that the Indexed Job's index reaches mmlu run --shard auto with --shards equal to its completions, and the
/// merge Job names exactly the folders those shards write.
/// </summary>
public class KubernetesManifestTests
{
    private const string IndexAnnotation = "metadata.annotations['batch.kubernetes.io/job-completion-index']";

    [Fact]
    public void Every_manifest_parses_as_yaml_with_the_expected_kinds()
    {
        var kinds = Directory.GetFiles(Repository.File("deploy", "kubernetes"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => Documents(file).Select(d => $"{Path.GetFileName(file)}: {Text(d, "apiVersion")} {Text(d, "kind")} {Text(d, "metadata", "name")}"));

        Assert.Equal(
            ["download.yaml: batch/v1 Job mmlu-download", "merge.yaml: batch/v1 Job mmlu-merge", "shards.yaml: batch/v1 Job mmlu-shards",
             "storage.yaml: v1 PersistentVolumeClaim mmlu-work", "storage.yaml: v1 Pod mmlu-files"],
            kinds);
    }

    [Fact]
    public void The_indexed_job_wires_its_completion_index_to_shard_auto_with_shards_equal_to_completions()
    {
        var job = Documents(Repository.File("deploy", "kubernetes", "shards.yaml")).Single();
        var completions = int.Parse(Text(job, "spec", "completions"), CultureInfo.InvariantCulture);
        var container = Container(job);
        var args = Args(container);

        Assert.Equal("Indexed", Text(job, "spec", "completionMode"));
        Assert.Equal(4, completions);
        Assert.InRange(int.Parse(Text(job, "spec", "parallelism"), CultureInfo.InvariantCulture), 1, completions);
        Assert.Equal("run", args[0]);
        Assert.Equal("auto", After(args, "--shard"));
        Assert.Equal(completions.ToString(CultureInfo.InvariantCulture), After(args, "--shards"));
        var index = ((YamlSequenceNode)container.Children["env"]).Cast<YamlMappingNode>().Single(e => Text(e, "name") == SchedulerShard.KubernetesIndex);
        Assert.Equal(IndexAnnotation, Text(index, "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("Never", Text(job, "spec", "template", "spec", "restartPolicy"));
    }

    [Fact]
    public void The_merge_job_joins_exactly_the_folders_the_shards_write_by_default()
    {
        var shards = Documents(Repository.File("deploy", "kubernetes", "shards.yaml")).Single();
        var merge = Documents(Repository.File("deploy", "kubernetes", "merge.yaml")).Single();
        var run = Args(Container(shards));
        var count = int.Parse(Text(shards, "spec", "completions"), CultureInfo.InvariantCulture);
        var settings = new RunSettings { Model = After(run, "--model"), Shots = int.Parse(After(run, "--shots"), CultureInfo.InvariantCulture) };
        var plan = TestPlans.Build(new PlanRequest(SharedData.Mmlu, "test", settings.Shots, Subjects: ["abstract_algebra"], Limit: 1));
        Assert.DoesNotContain(run, a => a is "--out" or "--benchmark" or "--split" or "--style" or "--endpoint");

        var expected = new List<string> { "merge" };
        expected.AddRange(Enumerable.Range(1, count).Select(i => RunFolders.Default(settings, plan, new Shard(i, count))));
        expected.AddRange(["--out", RunFolders.Default(settings, plan, null)]);

        Assert.Equal(expected, Args(Container(merge)));
        Assert.Equal(Text(Container(shards), "image"), Text(Container(merge), "image"));
        Assert.Equal(Text(Container(shards), "workingDir"), Text(Container(merge), "workingDir"));
        Assert.Equal(Claim(shards), Claim(merge));
    }

    [Fact]
    public void Every_job_mounts_the_shared_volume_at_the_working_directory_with_the_same_cache()
    {
        var claim = Text(Documents(Repository.File("deploy", "kubernetes", "storage.yaml")).First(), "metadata", "name");
        foreach (var file in new[] { "download.yaml", "shards.yaml", "merge.yaml" })
        {
            var job = Documents(Repository.File("deploy", "kubernetes", file)).Single();
            var container = Container(job);
            var mount = ((YamlSequenceNode)container.Children["volumeMounts"]).Cast<YamlMappingNode>().Single();

            Assert.Equal(claim, Claim(job));
            Assert.Equal(Text(container, "workingDir"), Text(mount, "mountPath"));
            Assert.Contains(((YamlSequenceNode)container.Children["env"]).Cast<YamlMappingNode>(), e => Text(e, "name") == "MMLU_HOME" && Text(e, "value") == "/work/cache");
        }
    }

    private static List<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Text(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;

    private static YamlMappingNode Container(YamlNode job) =>
        (YamlMappingNode)((YamlSequenceNode)Node(job, "spec", "template", "spec", "containers")).Single();

    private static List<string> Args(YamlMappingNode container) =>
        [.. ((YamlSequenceNode)container.Children["args"]).Cast<YamlScalarNode>().Select(a => a.Value!)];

    private static string Claim(YamlNode job) =>
        Text(((YamlSequenceNode)Node(job, "spec", "template", "spec", "volumes")).Single(), "persistentVolumeClaim", "claimName");

    private static string After(List<string> args, string option) => args[args.IndexOf(option) + 1];
}
