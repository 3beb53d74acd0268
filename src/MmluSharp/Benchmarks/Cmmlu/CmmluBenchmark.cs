using System.Globalization;
using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Prompting;
using MmluSharp.Running;

namespace MmluSharp.Benchmarks.Cmmlu;

/// <summary>
/// CMMLU (haonan-li/CMMLU): 67 Chinese subjects, split <c>test</c> (or <c>dev</c>), shots from the start of each
/// subject's dev file (5 rows), prompts in the authors' <c>cmmlu</c> style or lm-evaluation-harness' <c>harness</c>.
/// </summary>
internal sealed class CmmluBenchmark : IBenchmark
{
    private const int MaxShots = 5;
    private const string ShotSplit = "dev";

    public string Name => CmmluCatalogue.Benchmark;

    public string Title => "CMMLU";

    public IReadOnlyList<string> Splits { get; } = ["test", ShotSplit];

    /// <summary>GitHub haonan-li/CMMLU pinned to a commit, every CSV's SHA-256 checked.</summary>
    public DatasetSource Source { get; } = new(
        "cmmlu",
        "GitHub haonan-li/CMMLU @ d6e7b716 (data/)",
        "https://raw.githubusercontent.com/haonan-li/CMMLU/d6e7b716d8ac694f38969a6c0407437d1fded799/data",
        KnownHashes.Parse(KnownHashes.Cmmlu),
        "dev/, test/ with <subject>.csv",
        ["dev", "test"],
        "https://huggingface.co/datasets/haonan-li/cmmlu/resolve/main/cmmlu_v1_0_1.zip",
        "CC BY-NC-SA 4.0",
        2_500_000);

    public IReadOnlyList<string> Styles { get; } = [.. CmmluStyle.All.Select(s => s.Name)];

    public BenchmarkPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var style = CmmluStyle.Parse(PlanChecks.Style(request, Name, Styles));
        PlanChecks.Shots(request, MaxShots, "each CMMLU dev file has 5 rows");
        PlanChecks.NoPermutation(request, "is not available for CMMLU yet.");
        PlanChecks.Split(request, "CMMLU", "test", ShotSplit);

        var directory = new CmmluDirectory(request.Data);
        var items = new List<PromptedQuestion>();

        // lm-eval's first_n sampler leaves a dev question out of its own examples; the authors' code never asks dev.
        var sameSplit = request.Split == ShotSplit && style == CmmluStyle.Harness;
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var subject in Chosen(directory, request))
        {
            var questions = directory.Read(request.Split, subject);
            sizes[subject] = questions.Count;
            var dev = request.Shots == 0 ? [] : directory.Read(ShotSplit, subject);
            FirstNShots.EnsureEnough(dev.Count, request.Shots, sameSplit, ShotSplit, subject, () =>
                DatasetException.At(directory.FileOf(ShotSplit, subject), 0,
                    string.Create(CultureInfo.InvariantCulture, $"has {dev.Count} rows; {request.Shots} shots were asked for")));

            var header = CmmluStyle.Header(subject);
            var first = Rendered(style, dev.Take(request.Shots));
            var continuations = style.Continuations(4);
            foreach (var question in request.Limit is int n ? questions.Take(n) : questions)
            {
                var shots = sameSplit ? Rendered(style, FirstNShots.Select(dev, question, request.Shots, true, SameDocComparer.Instance)) : first;
                items.Add(new PromptedQuestion(question, new Prompt(header, shots.Text, style.Query(question)) { Turns = shots.Turns }, continuations));
            }
        }

        return new BenchmarkPlan(items, request.Split, request.Shots, style.Name, style.Version, CmmluCatalogue.Catalogue, CmmluAnalysis.Analyze)
        {
            SubjectSizes = sizes,
        };
    }

    private static (IReadOnlyList<string> Text, IReadOnlyList<ShotTurn> Turns) Rendered(CmmluStyle style, IEnumerable<Question> shots)
    {
        var questions = shots.ToList();
        return (Array.AsReadOnly(questions.Select(style.Shot).ToArray()), Array.AsReadOnly(questions.Select(style.Turn).ToArray()));
    }

    private static IReadOnlyList<string> Chosen(CmmluDirectory directory, PlanRequest request)
    {
        var available = directory.Subjects(request.Split);
        var unlisted = available.Where(s => !CmmluCatalogue.ChineseNames.ContainsKey(s)).ToList();
        if (unlisted.Count > 0)
        {
            throw DatasetException.At(Path.Combine(directory.Root, request.Split), 0, $"not CMMLU subjects: {string.Join(", ", unlisted)}");
        }

        return SubjectSelection.Choose(
            available, request.Subjects, Path.Combine(directory.Root, request.Split), $" for split '{request.Split}'");
    }
}
