using System.Text.Json;
using MmluSharp.Benchmarks.MmluPro;
using MmluSharp.Datasets;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Benchmarks.MmluPro;

public class MmluProReaderTests
{
    private static readonly string Data = SharedData.Dataset("mmlu-pro");
    private static readonly Lazy<IReadOnlyList<MmluProRecord>> Test = new(() => MmluProReader.Read(Data, "test"));
    private static readonly Lazy<IReadOnlyList<MmluProRecord>> Validation = new(() => MmluProReader.Read(Data, "validation"));

    [Fact]
    public void The_test_split_holds_12032_questions_in_14_categories()
    {
        var test = Test.Value;
        Assert.Equal(12_032, test.Count);
        var perCategory = test.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["biology"] = 717, ["business"] = 789, ["chemistry"] = 1132, ["computer science"] = 410, ["economics"] = 844,
                ["engineering"] = 969, ["health"] = 818, ["history"] = 381, ["law"] = 1101, ["math"] = 1351, ["other"] = 924,
                ["philosophy"] = 499, ["physics"] = 1299, ["psychology"] = 798,
            },
            perCategory);
        Assert.Equal(MmluProCatalogue.Categories, perCategory.Keys.Order(StringComparer.Ordinal));
        Assert.All(test, r => Assert.Equal(MmluProCatalogue.Catalogue.Get(r.Question.Subject).Category, r.Category));
        Assert.Equal(70, test[0].QuestionId);
        Assert.Equal(12_256, test[^1].QuestionId);
    }

    [Fact]
    public void Options_per_test_question_follow_the_documented_distribution()
    {
        var counts = Test.Value.GroupBy(r => r.Question.Choices.Count).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<int, int> { [10] = 9981, [9] = 801, [8] = 320, [7] = 159, [6] = 92, [5] = 52, [4] = 607, [3] = 20 },
            counts);
        Assert.All(Test.Value, r => Assert.Equal(0, r.PaddingDropped));
    }

    [Fact]
    public void Indices_count_within_each_category_in_file_order()
    {
        foreach (var category in Test.Value.GroupBy(r => r.Question.Subject))
        {
            Assert.Equal(Enumerable.Range(0, category.Count()), category.Select(r => r.Question.Index));
        }
    }

    [Fact]
    public void Question_3983_is_the_one_row_whose_answer_and_answer_index_disagree_and_the_letter_wins()
    {
        var bad = Assert.Single(Test.Value.Concat(Validation.Value), r => r.Inconsistent);
        Assert.Equal((3983L, "C", 1, "chemistry"), (bad.QuestionId, bad.Answer, bad.AnswerIndex, bad.Category));
        Assert.Equal(2, bad.Question.AnswerIndex);
        Assert.Equal(7, bad.Question.Choices.Count);
        Assert.Equal("N—H", bad.Question.Choices[bad.Question.AnswerIndex]);
    }

    [Fact]
    public void Validation_has_5_rows_per_category_with_worked_answers_and_drops_na_padding()
    {
        var validation = Validation.Value;
        Assert.Equal(70, validation.Count);
        Assert.All(validation.GroupBy(r => r.Category), g => Assert.Equal(5, g.Count()));
        Assert.All(validation, r => Assert.StartsWith("A: Let's think step by step.", r.CotContent, StringComparison.Ordinal));
        Assert.Equal(21, validation.Count(r => r.PaddingDropped > 0));
        Assert.DoesNotContain(validation, r => r.Question.Choices.Contains("N/A"));
        var padded = validation.Single(r => r.QuestionId == 20);
        Assert.Equal((4, 6), (padded.Question.Choices.Count, padded.PaddingDropped));
    }

    [Fact]
    public void The_parquet_rows_equal_the_jsonl_conversion_beside_them()
    {
        var lines = File.ReadLines(Path.Combine(Data, "test.jsonl")).ToList();
        Assert.Equal(Test.Value.Count, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var row = doc.RootElement;
            var record = Test.Value[i];
            Assert.Equal(row.GetProperty("question_id").GetInt64(), record.QuestionId);
            Assert.Equal(row.GetProperty("question").GetString(), record.Question.Text);
            Assert.Equal(row.GetProperty("options").EnumerateArray().Select(o => o.GetString()!), record.Question.Choices);
            Assert.Equal(row.GetProperty("answer").GetString(), record.Answer);
        }
    }

    [Fact]
    public void A_missing_file_is_a_dataset_error_naming_it()
    {
        var root = Directory.CreateTempSubdirectory("mmlu-pro-missing").FullName;
        var error = Assert.Throws<DatasetException>(() => MmluProReader.Read(root, "test"));
        Assert.Contains("test-00000-of-00001.parquet: MMLU-Pro parquet file not found", error.Message, StringComparison.Ordinal);
    }
}
