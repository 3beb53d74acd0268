using System.Globalization;
using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Prompting;
using MmluSharp.Running;

namespace MmluSharp.Benchmarks.MmluPro;

/// <summary>
/// MMLU-Pro (TIGER-Lab): 14 categories as subjects, split <c>test</c> (or <c>validation</c>), shots the first rows of
/// the category in <c>validation</c> (5 each), prompts in TIGER-Lab's chain-of-thought <c>cot</c> style,
/// lm-evaluation-harness' <c>harness</c> style or our direct-answer <c>letter</c> style; 3 to 10 options.
/// </summary>
internal sealed class MmluProBenchmark : IBenchmark
{
    private const string ShotSplit = "validation";
    private const int MaxShots = 5;

    /// <summary>TIGER-Lab's <c>max_new_tokens</c> and lm-eval's <c>max_gen_toks</c> for the chain-of-thought prompts.</summary>
    private const int MaxNewTokens = 2048;

    public string Name => MmluProCatalogue.Benchmark;

    public string Title => "MMLU-Pro";

    public IReadOnlyList<string> Splits { get; } = ["test", ShotSplit];

    /// <summary>Hugging Face TIGER-Lab/MMLU-Pro, both parquet files' SHA-256 checked.</summary>
    public DatasetSource Source { get; } = new(
        "mmlu-pro",
        "Hugging Face TIGER-Lab/MMLU-Pro (parquet)",
        "https://huggingface.co/datasets/TIGER-Lab/MMLU-Pro/resolve/main",
        [
            new("data/test-00000-of-00001.parquet", "b8c790c6cc613a4b71a413230db54bcf2e2053d876ffc4c4451c94908af9e1f5"),
            new("data/validation-00000-of-00001.parquet", "a6db33e44c7a8d6a0a9665aabe6596a5e7436bebb62412d1219821283835e457"),
        ],
        "data/test-00000-of-00001.parquet, data/validation-00000-of-00001.parquet",
        ["data/test-00000-of-00001.parquet", "data/validation-00000-of-00001.parquet"],
        null,
        "MIT",
        14_100_000);

    public IReadOnlyList<string> Styles { get; } = [.. MmluProStyle.All.Select(s => s.Name)];

    public BenchmarkPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var style = MmluProStyle.Parse(PlanChecks.Style(request, Name, Styles));
        PlanChecks.Shots(request, MaxShots, "MMLU-Pro's validation split has 5 rows per category");
        PlanChecks.NoPermutation(request, "is not available for MMLU-Pro yet.");
        PlanChecks.Split(request, "MMLU-Pro", "test", ShotSplit);

        DatasetException.RequireFolder(request.Data, "MMLU-Pro folder not found (expected parquet/test-00000-of-00001.parquet)");

        var records = MmluProReader.Read(request.Data, request.Split);
        var sameSplit = request.Split == ShotSplit && style.LeavesQuestionOutOfShots;
        var shotRecords = request.Shots == 0 ? [] : request.Split == ShotSplit ? records : MmluProReader.Read(request.Data, ShotSplit);
        var items = new List<PromptedQuestion>();
        foreach (var subject in Chosen(records, request))
        {
            var pool = shotRecords.Where(r => r.Question.Subject == subject).ToList();
            FirstNShots.EnsureEnough(pool.Count, request.Shots, sameSplit, ShotSplit, subject, () =>
                DatasetException.At(MmluProReader.FileOf(request.Data, ShotSplit), 0,
                    string.Create(CultureInfo.InvariantCulture, $"has {pool.Count} rows of {subject}; {request.Shots} shots were asked for")));

            var questions = records.Where(r => r.Question.Subject == subject);
            var first = Rendered(style, pool.Take(request.Shots));
            string? header = null;
            foreach (var record in request.Limit is int n ? questions.Take(n) : questions)
            {
                header ??= style.Header(record.Category);
                var question = style.QuestionOf(record);
                var shots = sameSplit ? Rendered(style, FirstNShots.Select(pool, record, request.Shots, true, SameRow)) : first;
                items.Add(new PromptedQuestion(question, new Prompt(header, shots.Text, style.Query(question)) { Turns = shots.Turns }, MmluProStyle.Continuations(question.Choices.Count)));
            }
        }

        var inconsistent = records.Concat(request.Split == ShotSplit ? [] : shotRecords).Where(r => r.Inconsistent).ToList();
        var padding = records.Sum(r => r.PaddingDropped);
        return new BenchmarkPlan(items, request.Split, request.Shots, style.Name, style.Version, MmluProCatalogue.Catalogue,
            MmluProAnalysis.For(request.Split, inconsistent, style.KeepsPadding ? 0 : padding))
        {
            StopSequences = style.StopSequences,
            MaxNewTokens = style.ChainOfThought ? MaxNewTokens : null,
            DefaultExtraction = "tiger",
        };
    }

    /// <summary>lm-eval's <c>x != doc</c> on MMLU-Pro rows, which <c>question_id</c> tells apart.</summary>
    private static readonly IEqualityComparer<MmluProRecord> SameRow =
        EqualityComparer<MmluProRecord>.Create((x, y) => x?.QuestionId == y?.QuestionId, r => r.QuestionId.GetHashCode());

    private static (IReadOnlyList<string> Text, IReadOnlyList<ShotTurn> Turns) Rendered(MmluProStyle style, IEnumerable<MmluProRecord> shots)
    {
        var records = shots.ToList();
        return (Array.AsReadOnly(records.Select(style.Shot).ToArray()), Array.AsReadOnly(records.Select(style.Turn).ToArray()));
    }

    private static IReadOnlyList<string> Chosen(IReadOnlyList<MmluProRecord> records, PlanRequest request)
    {
        var available = records.Select(r => r.Question.Subject).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return SubjectSelection.Choose(
            available,
            request.Subjects,
            MmluProReader.FileOf(request.Data, request.Split),
            $" for split '{request.Split}'",
            $" (subjects are the categories with '_' for spaces: {string.Join(", ", available)})");
    }
}
