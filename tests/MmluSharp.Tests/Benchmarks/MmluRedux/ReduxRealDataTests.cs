using MmluSharp.Benchmarks.MmluRedux;
using MmluSharp.Datasets;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Benchmarks.MmluRedux;

/// <summary>The 57 shipped files of aryopg/mmlu-redux @ 4563cfa7, against the counts in SOURCES.md.</summary>
public class ReduxRealDataTests
{
    private static readonly Lazy<IReadOnlyList<ReduxFile>> All = new(() => new ReduxDirectory(SharedData.Dataset("mmlu-redux")).Read());

    private static IEnumerable<ReduxRow> Rows => All.Value.SelectMany(f => f.Rows);

    private static ReduxFile File(string subject) => All.Value.Single(f => f.Subject == subject);

    [Fact]
    public void All_57_files_give_100_rows_each_and_the_documented_error_type_counts()
    {
        Assert.Equal(MmluCatalogue.Subjects, All.Value.Select(f => f.Subject));
        Assert.All(All.Value, f => Assert.Equal(100, f.Rows.Count));
        var counts = Rows.GroupBy(r => r.ErrorType).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["ok"] = 5330, ["bad question clarity"] = 132, ["wrong groundtruth"] = 107, ["multiple correct answers"] = 39,
                ["no correct answer"] = 35, ["expert"] = 32, ["bad options clarity"] = 25,
            },
            counts);
        Assert.Equal(27, Rows.Select(r => r.RawErrorType).Distinct().Count());
        Assert.Equal([1298, 1398, 1458, 1546], Rows.GroupBy(r => r.Question.AnswerIndex).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.All(Rows, r => Assert.Equal(4, r.Question.Choices.Count));
    }

    [Fact]
    public void Correct_answers_parse_when_they_name_one_option()
    {
        Assert.Equal(474, Rows.Count(r => r.HasCorrectAnswerText));
        Assert.Equal(68, Rows.Count(r => r.HasCorrectAnswerText && r.CorrectAnswer is null));
        var wrong = Rows.Where(r => r.ErrorType == ReduxErrorTypes.WrongGroundtruth).ToList();
        Assert.Equal((102, 5), (wrong.Count(r => r.CorrectAnswer is not null), wrong.Count(r => r.CorrectAnswer is null)));
        Assert.Equal(101, wrong.Count(r => r.CorrectAnswer is int c && c != r.Question.AnswerIndex));
    }

    [Fact]
    public void The_nine_semicolon_files_and_the_reordered_ones_are_read_by_header_name()
    {
        string[] semicolon = ["anatomy", "astronomy", "business_ethics", "high_school_macroeconomics", "high_school_microeconomics", "management", "nutrition", "philosophy", "prehistory"];
        Assert.Equal(semicolon, All.Value.Where(f => f.Delimiter == ';').Select(f => f.Subject));

        var ml = File("machine_learning").Rows[0];
        Assert.StartsWith("Statement 1| RELUs are not monotonic", ml.Question.Text, StringComparison.Ordinal);
        Assert.Equal(["True, True", "False, False", "True, False", "False, True"], ml.Question.Choices);
        Assert.Equal((3, "wrong groundtruth", 1, "Expert"), (ml.Question.AnswerIndex, ml.ErrorType, ml.CorrectAnswer, ml.Source));
        Assert.StartsWith("Neural networks trained with gradient descent", ml.PotentialReason, StringComparison.Ordinal);

        Assert.Equal(100, File("econometrics").Rows.Count);
        Assert.All(File("moral_disputes").Rows.Concat(File("moral_scenarios").Rows), r => Assert.Contains(r.ErrorType, ReduxErrorTypes.Known));
    }

    [Fact]
    public void The_stray_byte_in_moral_scenarios_is_reported_not_fatal_and_read_as_the_quote_mmlu_has()
    {
        var note = Assert.Single(All.Value.SelectMany(f => f.Notes));
        Assert.StartsWith("mmlu_moral_scenarios.csv: line 54, byte offset 21792 (row ", note, StringComparison.Ordinal);
        Assert.EndsWith("byte 0xD5 is not UTF-8; read as Mac Roman '\u2019' (U+2019)", note, StringComparison.Ordinal);
        Assert.Single(File("moral_scenarios").Rows, r => r.Question.Text.Contains("I slapped my sister\u2019s head", StringComparison.Ordinal));
    }

    [Fact]
    public void Redux_questions_match_mmlu_test_rows_with_the_same_choices_and_gold()
    {
        var mmlu = new MmluDirectory(SharedData.Mmlu).ReadSplit("test").ToLookup(q => (q.Subject, q.Text.Trim()));
        var matched = Rows.Where(r => mmlu.Contains((r.Question.Subject, r.Question.Text.Trim()))).ToList();

        // SOURCES.md counts 5,676 with the stray byte decoded lossily; read as Mac Roman, the moral_scenarios row matches too.
        Assert.Equal(5677, matched.Count);
        Assert.All(matched, r => Assert.Contains(
            mmlu[(r.Question.Subject, r.Question.Text.Trim())],
            q => q.AnswerIndex == r.Question.AnswerIndex && q.Choices.SequenceEqual(r.Question.Choices, StringComparer.Ordinal)));
    }
}
