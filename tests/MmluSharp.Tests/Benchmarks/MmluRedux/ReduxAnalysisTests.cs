using MmluSharp.Benchmarks.MmluRedux;
using MmluSharp.Datasets;
using MmluSharp.Prompting;
using MmluSharp.Results;

namespace MmluSharp.Tests.Benchmarks.MmluRedux;

public class ReduxAnalysisTests
{
    private static ReduxRow Row(int index, int gold, string errorType, string correct = "") =>
        new(new Question("mmlu-redux", "s", "test", index, "Q", ["a", "b", "c", "d"], gold), index + 2, errorType, errorType, correct,
            ReduxCorrectAnswer.Parse(correct, 4), "", "");

    private static Sample Sample(string subject, int index, int gold, string pred) =>
        new(subject, index, Letters.Of(gold), pred, Letters.Of(gold) == pred, new Dictionary<string, double>(), 0, "");

    [Fact]
    public void Views_counts_and_notes_follow_the_annotations()
    {
        ReduxRow[] rows =
        [
            Row(0, 0, "ok"),                            // A right
            Row(1, 1, "ok"),                            // pred C: wrong
            Row(2, 0, "wrong groundtruth", "C"),        // pred C: wrong against MMLU, right against the correction
            Row(3, 1, "wrong groundtruth", "3"),        // pred B: right against MMLU, wrong against the correction
            Row(4, 0, "wrong groundtruth", "2 and 3"),  // unusable correction: left out of 'corrected'
            Row(5, 2, "multiple correct answers", "A,C"),
            Row(6, 3, "bad question clarity"),
            Row(7, 3, "ok", "3"),
        ];
        string[] preds = ["A", "C", "C", "B", "A", "C", "A", "D"];
        var samples = rows.Select((r, i) => Sample("s", i, r.Question.AnswerIndex, preds[i])).Append(Sample("other", 0, 0, "A")).ToList();
        var byKey = rows.ToDictionary(r => PromptedQuestion.KeyOf("s", r.Question.Index), StringComparer.Ordinal);

        var analysis = ReduxAnalysis.Analyze(byKey, ["file note"], samples);

        Assert.Equal("MMLU-Redux annotations", analysis.Title);
        Assert.Equal(["all", "ok only", "corrected"], analysis.Accuracy.Keys);
        Assert.Equal((6, 9), (analysis.Accuracy["all"].Correct, analysis.Accuracy["all"].N));
        Assert.Equal((2, 3), (analysis.Accuracy["ok only"].Correct, analysis.Accuracy["ok only"].N));
        Assert.Equal((3, 5), (analysis.Accuracy["corrected"].Correct, analysis.Accuracy["corrected"].N));
        Assert.Equal(0.6, analysis.Accuracy["corrected"].Accuracy, 12);

        Assert.Equal(
            new Dictionary<string, long>
            {
                ["error type: ok"] = 3, ["error type: bad question clarity"] = 1, ["error type: wrong groundtruth"] = 3,
                ["error type: multiple correct answers"] = 1, ["error type: no correct answer"] = 0, ["error type: expert"] = 0,
                ["error type: bad options clarity"] = 0, ["correct_answer given"] = 5, ["correct_answer unparseable"] = 2,
                ["corrected: rescored"] = 2, ["corrected: excluded"] = 3,
            },
            analysis.Counts);
        Assert.Equal(
            [
                "file note",
                "corrected: ok questions against MMLU's gold, 2 wrong-groundtruth questions against the annotator's correct_answer; 3 left out (bad question clarity 1, multiple correct answers 1, wrong groundtruth without a single-option correct_answer 1).",
                "1 sample(s) match no MMLU-Redux row; they count only in 'all'.",
            ],
            analysis.Notes);
    }

    [Fact]
    public void Unknown_labels_are_counted_and_noted_and_ok_rows_with_another_answer_are_flagged()
    {
        ReduxRow[] rows = [Row(0, 0, "typo"), Row(1, 1, "ok", "2")];
        var samples = rows.Select(r => Sample("s", r.Question.Index, r.Question.AnswerIndex, "B")).ToList();
        var analysis = ReduxAnalysis.Analyze(rows.ToDictionary(r => PromptedQuestion.KeyOf("s", r.Question.Index), StringComparer.Ordinal), [], samples);

        Assert.Equal(1, analysis.Counts["error type: typo"]);
        Assert.Equal((1, 1), (analysis.Accuracy["corrected"].Correct, analysis.Accuracy["corrected"].N));
        Assert.Contains("unknown error types (left out of 'ok only' and 'corrected'): typo.", analysis.Notes);
        Assert.Contains("1 ok question(s) carry a correct_answer naming another option, scored against MMLU's gold: s/1.", analysis.Notes);
    }
}
