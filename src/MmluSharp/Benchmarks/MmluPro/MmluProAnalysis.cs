using System.Globalization;
using MmluSharp.Datasets;
using MmluSharp.Results;

namespace MmluSharp.Benchmarks.MmluPro;

/// <summary>
/// What MMLU-Pro adds to a run's results: the rows whose <c>answer</c> and <c>answer_index</c> disagree (test
/// question_id 3983), named in the notes whether or not the run asked them, and, when it did, the accuracy had
/// those questions been scored against <c>answer_index</c> instead.
/// </summary>
internal static class MmluProAnalysis
{
    /// <summary>The analysis for a run over data holding the <paramref name="inconsistent"/> rows.</summary>
    /// <param name="split">The split the run asks (rows of other splits, i.e. shots, are only named).</param>
    /// <param name="inconsistent">The inconsistent rows of the data read.</param>
    /// <param name="paddingDropped">How many <c>N/A</c> options were dropped from the run's split.</param>
    public static Func<IReadOnlyList<Sample>, BenchmarkAnalysis> For(string split, IReadOnlyList<MmluProRecord> inconsistent, int paddingDropped) =>
        samples => Analyze(samples, split, inconsistent, paddingDropped);

    /// <summary>The notes that name each inconsistent row and the rule applied.</summary>
    public static string Note(MmluProRecord record, bool inRun)
    {
        ArgumentNullException.ThrowIfNull(record);
        var q = record.Question;
        return string.Create(CultureInfo.InvariantCulture,
            $"question_id {record.QuestionId} ({q.Subject}/{q.Index}, {q.Split}): answer {record.Answer} and answer_index {record.AnswerIndex} ({Letters.Of(record.AnswerIndex)}) disagree; "
            + $"scored against answer {record.Answer}, as TIGER-Lab evaluate_from_local.py and lm-eval mmlu_pro do{(inRun ? "" : " (not asked in this run)")}.");
    }

    private static BenchmarkAnalysis Analyze(IReadOnlyList<Sample> samples, string split, IReadOnlyList<MmluProRecord> inconsistent, int paddingDropped)
    {
        var byKey = inconsistent.Where(r => r.Question.Split == split).ToDictionary(r => (r.Question.Subject, r.Question.Index));
        var asked = samples.Where(s => byKey.ContainsKey((s.Subject, s.Index))).ToList();
        var notes = inconsistent.Select(r => Note(r, r.Question.Split == split && asked.Any(s => s.Subject == r.Question.Subject && s.Index == r.Question.Index))).ToList();
        if (paddingDropped > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{paddingDropped} 'N/A' padding options were dropped from the questions read, as TIGER-Lab's preprocess does."));
        }

        var accuracy = new Dictionary<string, AccuracyStats>(StringComparer.Ordinal);
        if (asked.Count > 0)
        {
            var correct = samples.Count(s => byKey.TryGetValue((s.Subject, s.Index), out var r)
                ? s.Pred == Letters.Of(r.AnswerIndex)
                : s.Correct);
            accuracy["against answer_index"] = AccuracyStats.Of(correct, samples.Count);
        }

        var counts = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["inconsistent answer rows"] = inconsistent.Count,
            ["inconsistent answer rows asked"] = asked.Count,
        };
        return new BenchmarkAnalysis("MMLU-Pro data checks", accuracy, counts, notes);
    }
}
