using System.Globalization;
using MmluSharp.Datasets;
using MmluSharp.Prompting;
using MmluSharp.Results;

namespace MmluSharp.Benchmarks.MmluRedux;

/// <summary>
/// MMLU-Redux's views of a run's samples. <c>all</c>: every question against MMLU's gold. <c>ok only</c>: the
/// questions annotated <c>ok</c>. <c>corrected</c>: <c>ok</c> questions against MMLU's gold plus
/// <c>wrong groundtruth</c> questions whose <c>correct_answer</c> names one option, against that option; every other
/// question (bad question/options clarity, multiple or no correct answer, expert, wrong groundtruth without a usable
/// answer) is left out. That is the rule of the <c>mmlu_redux</c> task <c>process_docs</c> in lm-evaluation-harness
/// derivatives, ZeroEval/NeMo-Skills and SEA-HELM; aryopg/mmlu-redux itself ships no scoring script.
/// </summary>
internal static class ReduxAnalysis
{
    /// <summary>The analysis title.</summary>
    public const string Title = "MMLU-Redux annotations";

    /// <summary>The analysis of <paramref name="samples"/>, looking each up in <paramref name="rows"/> by <c>subject/index</c>.</summary>
    public static BenchmarkAnalysis Analyze(
        IReadOnlyDictionary<string, ReduxRow> rows, IReadOnlyList<string> fileNotes, IReadOnlyList<Sample> samples)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(samples);
        var matched = new List<(Sample Sample, ReduxRow Row)>(samples.Count);
        foreach (var sample in samples)
        {
            if (rows.TryGetValue(PromptedQuestion.KeyOf(sample.Subject, sample.Index), out var row))
            {
                matched.Add((sample, row));
            }
        }

        var ok = matched.Where(m => m.Row.ErrorType == ReduxErrorTypes.Ok).ToList();
        var rescored = matched.Where(m => m.Row.ErrorType == ReduxErrorTypes.WrongGroundtruth && m.Row.CorrectAnswer is not null).ToList();
        var excluded = matched.Count - ok.Count - rescored.Count;
        var accuracy = new Dictionary<string, AccuracyStats>(StringComparer.Ordinal)
        {
            ["all"] = AccuracyStats.Of(samples.Count(s => s.Correct), samples.Count),
            ["ok only"] = AccuracyStats.Of(ok.Count(m => m.Sample.Correct), ok.Count),
            ["corrected"] = AccuracyStats.Of(
                ok.Count(m => m.Sample.Correct) + rescored.Count(m => m.Sample.Pred == Letters.Of(m.Row.CorrectAnswer!.Value)),
                ok.Count + rescored.Count),
        };

        var byType = matched.GroupBy(m => m.Row.ErrorType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var type in ReduxErrorTypes.Known.Concat(byType.Keys.Where(k => !ReduxErrorTypes.Known.Contains(k)).Order(StringComparer.Ordinal)))
        {
            counts["error type: " + type] = byType.GetValueOrDefault(type);
        }

        counts["correct_answer given"] = matched.Count(m => m.Row.HasCorrectAnswerText);
        counts["correct_answer unparseable"] = matched.Count(m => m.Row.HasCorrectAnswerText && m.Row.CorrectAnswer is null);
        counts["corrected: rescored"] = rescored.Count;
        counts["corrected: excluded"] = excluded;
        return new BenchmarkAnalysis(Title, accuracy, counts, Notes(fileNotes, samples.Count - matched.Count, matched, rescored.Count, excluded));
    }

    private static List<string> Notes(
        IReadOnlyList<string> fileNotes, int unmatched, List<(Sample Sample, ReduxRow Row)> matched, int rescored, int excluded)
    {
        var notes = new List<string>(fileNotes);
        var left = matched
            .Where(m => m.Row.ErrorType != ReduxErrorTypes.Ok && !(m.Row.ErrorType == ReduxErrorTypes.WrongGroundtruth && m.Row.CorrectAnswer is not null))
            .GroupBy(m => m.Row.ErrorType == ReduxErrorTypes.WrongGroundtruth ? "wrong groundtruth without a single-option correct_answer" : m.Row.ErrorType, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"));
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"corrected: ok questions against MMLU's gold, {rescored} wrong-groundtruth questions against the annotator's correct_answer; {excluded} left out ({string.Join(", ", left)})."));

        var unknown = matched.Select(m => m.Row.ErrorType).Where(t => !ReduxErrorTypes.Known.Contains(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            notes.Add($"unknown error types (left out of 'ok only' and 'corrected'): {string.Join(", ", unknown)}.");
        }

        var okDisagree = matched.Where(m => m.Row.ErrorType == ReduxErrorTypes.Ok && m.Row.CorrectAnswer is int c && c != m.Row.Question.AnswerIndex).ToList();
        if (okDisagree.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{okDisagree.Count} ok question(s) carry a correct_answer naming another option, scored against MMLU's gold: {string.Join(", ", okDisagree.Select(m => PromptedQuestion.KeyOf(m.Row.Question.Subject, m.Row.Question.Index)))}."));
        }

        if (unmatched > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{unmatched} sample(s) match no MMLU-Redux row; they count only in 'all'."));
        }

        return notes;
    }
}
