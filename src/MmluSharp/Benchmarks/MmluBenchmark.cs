using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Prompting;
using MmluSharp.Running;

namespace MmluSharp.Benchmarks;

/// <summary>
/// MMLU from a folder in the original layout (prompts rendered in the <c>original</c> or <c>harness</c> style,
/// shots from the start of each subject's dev file) or from QLoRA's JSON lines (prompts pre-rendered).
/// </summary>
internal sealed class MmluBenchmark : IBenchmark
{
    /// <summary>The style name recorded for QLoRA's pre-rendered prompts.</summary>
    public const string PreRenderedStyle = "qlora";

    private const string ShotSplit = "dev";

    public string Name => "mmlu";

    public string Title => "MMLU";

    public IReadOnlyList<string> Splits { get; } = ["test", "val", "dev"];

    public IReadOnlyList<string> Styles { get; } = [.. PromptStyle.All.Select(s => s.Name)];

    /// <summary>
    /// Hugging Face <c>cais/mmlu</c> (config <c>all</c>, parquet on <c>main</c>, no pinned hash: the manifest records
    /// the SHA-256), converted to the original CSV layout; <c>data.tar</c> of hendrycks/test is the alternative archive.
    /// </summary>
    public DatasetSource Source { get; } = new(
        "mmlu",
        "Hugging Face cais/mmlu, config all (parquet), converted to the original CSV layout",
        "https://huggingface.co/datasets/cais/mmlu/resolve/main",
        [
            new("all/dev-00000-of-00001.parquet", null, SourceFileKind.MmluParquet, "dev"),
            new("all/validation-00000-of-00001.parquet", null, SourceFileKind.MmluParquet, "val"),
            new("all/test-00000-of-00001.parquet", null, SourceFileKind.MmluParquet, "test"),
        ],
        "dev/, val/, test/ with <subject>_<split>.csv",
        ["dev", "val", "test"],
        "https://people.eecs.berkeley.edu/~hendrycks/data.tar",
        "MIT",
        170_000_000); // data.tar with auxiliary_train/; dev, val and test alone are 7.2 MB

    public BenchmarkPlan Plan(PlanRequest request)
    {
        var catalogue = MmluCatalogue.For(request.Grouping);
        if (File.Exists(request.Data))
        {
            PlanChecks.NoPermutation(request, "needs the questions themselves; QLoRA's files hold rendered prompts.");

            var split = QloraSplit(request);
            var shots = Path.GetFileName(request.Data).StartsWith("five_shot", StringComparison.Ordinal) ? 5 : 0;
            var (records, sizes) = FromQlora(request, split);
            return new BenchmarkPlan(records, split, shots, PreRenderedStyle, 1, catalogue) { SubjectSizes = sizes };
        }

        var style = PromptStyle.Parse(PlanChecks.Style(request, Name, Styles));
        PlanChecks.Shots(request, 5, "each MMLU dev file has 5 rows");
        PlanChecks.Permutation(request);

        var (items, subjectSizes) = FromDirectory(request, style, new MmluDirectory(request.Data), ShotSplit);
        return new BenchmarkPlan(
            items, request.Split, request.Shots, style.Name, style.Version, catalogue, request.Permute is null ? null : AnswerOrder.Analyze)
        {
            SubjectSizes = subjectSizes,
        };
    }

    private static string QloraSplit(PlanRequest request)
    {
        var name = Path.GetFileNameWithoutExtension(request.Data);
        return name.EndsWith("_val", StringComparison.Ordinal) ? "val"
            : name.EndsWith("_test", StringComparison.Ordinal) ? "test"
            : request.Split;
    }

    /// <summary>
    /// Every question of a folder in MMLU's layout with its prompt: shots the first rows of each subject's dev file (a
    /// harness prompt on dev leaves the question out of its own), each question in every rotation with a permutation.
    /// </summary>
    internal static (List<PromptedQuestion> Items, Dictionary<string, int> Sizes) FromDirectory(
        PlanRequest request, PromptStyle style, MmluDirectory directory, string shotSplit)
    {
        var questions = directory.ReadSplit(request.Split, request.Subjects);
        var items = new List<PromptedQuestion>(questions.Count);
        // lm-eval's first_n sampler leaves a dev question out of its own examples; evaluate.py never asks dev.
        var sameSplit = request.Split == shotSplit && style.Name == PromptStyle.Harness.Name;
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var subject in questions.GroupBy(q => q.Subject, StringComparer.Ordinal))
        {
            sizes[subject.Key] = subject.Count();
            var pool = request.Shots == 0 ? [] : directory.Read(shotSplit, subject.Key);
            FirstNShots.EnsureEnough(pool.Count, request.Shots, sameSplit, shotSplit, subject.Key, () =>
                DatasetException.At(directory.FileOf(shotSplit, subject.Key), 0, $"has {pool.Count} rows; {request.Shots} shots were asked for"));

            foreach (var question in Limit(subject, request.Limit))
            {
                var shots = FirstNShots.Select(pool, question, request.Shots, sameSplit, SameDocComparer.Instance);
                var context = PromptBuilder.ForSubject(style, subject.Key, shots);
                foreach (var asked in request.Permute is null ? [question] : AnswerOrder.Rotations(question))
                {
                    items.Add(new PromptedQuestion(asked, context.Build(asked), style.Continuations(asked.Choices.Count)));
                }
            }
        }

        return (items, sizes);
    }

    private static (List<PromptedQuestion> Items, Dictionary<string, int> Sizes) FromQlora(PlanRequest request, string split)
    {
        var items = new List<PromptedQuestion>();
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        var wanted = request.Subjects?.ToHashSet(StringComparer.Ordinal);
        var records = QloraJsonReader.Read(request.Data);
        foreach (var subject in records.GroupBy(r => r.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (wanted is not null && !wanted.Contains(subject.Key))
            {
                continue;
            }

            sizes[subject.Key] = subject.Count();
            var questions = subject.Select((record, index) => ToQuestion(record, split, index, request.Data));
            foreach (var question in Limit(questions, request.Limit))
            {
                items.Add(new PromptedQuestion(question, Prompt.PreRendered(question.Text), PromptStyle.Original.Continuations(4)));
            }
        }

        return (items, sizes);
    }

    private static Question ToQuestion(QloraRecord record, string split, int index, string path)
    {
        var answer = Letters.IndexOf(record.Output);
        if (answer is < 0 or > 3)
        {
            throw DatasetException.At(path, record.Line, $"output '{record.Output}' is not a letter A–D");
        }

        return new Question("mmlu", record.Subject, split, index, record.Input, ["A", "B", "C", "D"], answer);
    }

    private static IEnumerable<Question> Limit(IEnumerable<Question> questions, int? limit) =>
        limit is int n ? questions.Take(n) : questions;
}
