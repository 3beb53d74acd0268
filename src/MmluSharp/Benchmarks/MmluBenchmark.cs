using MmluSharp.Datasets;
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

    public IReadOnlyList<string> Styles { get; } = [.. PromptStyle.All.Select(s => s.Name)];

    public BenchmarkPlan Plan(PlanRequest request)
    {
        var catalogue = MmluCatalogue.For(request.Grouping);
        if (File.Exists(request.Data))
        {
            if (request.Permute is not null)
            {
                throw new ArgumentException("--permute needs the questions themselves; QLoRA's files hold rendered prompts.");
            }

            var split = QloraSplit(request);
            var shots = Path.GetFileName(request.Data).StartsWith("five_shot", StringComparison.Ordinal) ? 5 : 0;
            var (records, sizes) = FromQlora(request, split);
            return new BenchmarkPlan(records, split, shots, PreRenderedStyle, 1, catalogue) { SubjectSizes = sizes };
        }

        var style = PromptStyle.Parse(request.Style ?? PromptStyle.Original.Name);
        if (request.Shots is < 0 or > 5)
        {
            throw new ArgumentException("--shots must be between 0 and 5 (each MMLU dev file has 5 rows).");
        }

        if (request.Permute is not (null or AnswerOrder.Cyclic))
        {
            throw new ArgumentException($"--permute must be {AnswerOrder.Cyclic}, not '{request.Permute}'.");
        }

        var (items, subjectSizes) = FromDirectory(request, style);
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

    private static (List<PromptedQuestion> Items, Dictionary<string, int> Sizes) FromDirectory(PlanRequest request, PromptStyle style)
    {
        var directory = new MmluDirectory(request.Data);
        var questions = directory.ReadSplit(request.Split, request.Subjects);
        var items = new List<PromptedQuestion>(questions.Count);
        // lm-eval's first_n sampler leaves a dev question out of its own examples; evaluate.py never asks dev.
        var sameSplit = request.Split == ShotSplit && style == PromptStyle.Harness;
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var subject in questions.GroupBy(q => q.Subject, StringComparer.Ordinal))
        {
            sizes[subject.Key] = subject.Count();
            var pool = request.Shots == 0 ? [] : directory.Read(ShotSplit, subject.Key);
            FirstNShots.EnsureEnough(pool.Count, request.Shots, sameSplit, ShotSplit, subject.Key, () =>
                DatasetException.At(directory.FileOf(ShotSplit, subject.Key), 0, $"has {pool.Count} rows; {request.Shots} shots were asked for"));

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
