using System.Globalization;
using MmluSharp.Datasets;
using MmluSharp.Prompting;

namespace MmluSharp.Running;

/// <summary>Reads the data a <see cref="PlanRequest"/> names and renders every question's prompt.</summary>
public static class PlanBuilder
{
    /// <summary>The style name recorded for QLoRA's pre-rendered prompts.</summary>
    public const string PreRenderedStyle = "qlora";

    /// <summary>Whether <paramref name="data"/> is a QLoRA JSON-lines file rather than an MMLU folder.</summary>
    public static bool IsQloraFile(string data) => File.Exists(data);

    /// <summary>The questions with their prompts, subjects alphabetical and rows in file order.</summary>
    /// <exception cref="DatasetException">The data is missing or malformed.</exception>
    public static RunPlan Build(PlanRequest request)
    {
        var all = IsQloraFile(request.Data) ? FromQlora(request) : FromDirectory(request);
        var items = request.MaxSamples is int max ? all.Take(max).ToList() : all;
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["data"] = Path.GetFullPath(request.Data),
            ["split"] = SplitOf(request),
            ["shots"] = ShotsOf(request).ToString(CultureInfo.InvariantCulture),
            ["style"] = IsQloraFile(request.Data) ? PreRenderedStyle : request.Style.Id,
            ["subjects"] = request.Subjects is null ? "all" : string.Join(",", request.Subjects.Order(StringComparer.Ordinal)),
            ["limit"] = request.Limit?.ToString(CultureInfo.InvariantCulture) ?? "none",
            ["max_samples"] = request.MaxSamples?.ToString(CultureInfo.InvariantCulture) ?? "none",
        };
        return new RunPlan(items, settings);
    }

    /// <summary>The split actually read: QLoRA files say theirs in their name (<c>…_val.json</c>).</summary>
    public static string SplitOf(PlanRequest request)
    {
        if (!IsQloraFile(request.Data))
        {
            return request.Split;
        }

        var name = Path.GetFileNameWithoutExtension(request.Data);
        return name.EndsWith("_val", StringComparison.Ordinal) ? "val"
            : name.EndsWith("_test", StringComparison.Ordinal) ? "test"
            : request.Split;
    }

    /// <summary>The shots: QLoRA files have theirs rendered in (<c>five_shot_…</c>), else the request's.</summary>
    public static int ShotsOf(PlanRequest request) =>
        !IsQloraFile(request.Data) ? request.Shots
        : Path.GetFileName(request.Data).StartsWith("five_shot", StringComparison.Ordinal) ? 5 : 0;

    private static List<PromptedQuestion> FromDirectory(PlanRequest request)
    {
        var directory = new MmluDirectory(request.Data);
        var questions = directory.ReadSplit(request.Split, request.Subjects);
        var items = new List<PromptedQuestion>(questions.Count);
        foreach (var subject in questions.GroupBy(q => q.Subject, StringComparer.Ordinal))
        {
            var shots = request.Shots == 0 ? [] : directory.Read("dev", subject.Key);
            if (shots.Count < request.Shots)
            {
                throw DatasetException.At(
                    directory.FileOf("dev", subject.Key), 0, $"has {shots.Count} rows; {request.Shots} shots were asked for");
            }

            var context = PromptBuilder.ForSubject(request.Style, subject.Key, [.. shots.Take(request.Shots)]);
            foreach (var question in Limit(subject, request.Limit))
            {
                items.Add(new PromptedQuestion(question, context.Build(question), request.Style.Continuations(question.Choices.Count)));
            }
        }

        return items;
    }

    private static List<PromptedQuestion> FromQlora(PlanRequest request)
    {
        var split = SplitOf(request);
        var items = new List<PromptedQuestion>();
        var wanted = request.Subjects?.ToHashSet(StringComparer.Ordinal);
        var records = QloraJsonReader.Read(request.Data);
        foreach (var subject in records.GroupBy(r => r.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (wanted is not null && !wanted.Contains(subject.Key))
            {
                continue;
            }

            var questions = subject.Select((record, index) => ToQuestion(record, split, index, request.Data));
            foreach (var question in Limit(questions, request.Limit))
            {
                items.Add(new PromptedQuestion(question, Prompt.PreRendered(question.Text), PromptStyle.Original.Continuations(4)));
            }
        }

        return items;
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
