using System.Runtime.CompilerServices;
using System.Text.Json;
using MmluSharp.Datasets;
using MmluSharp.Running;
using MmluSharp.Scoring;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Scoring;

/// <summary>
/// TIGER-Lab's extraction on the replies of <c>tests/reference/tiger_extract_cases.json</c>, whose letters and rules
/// were written by <c>tests/reference/tiger_extract.py</c> running TIGER's own functions on Python's <c>re</c> and
/// <c>random</c> (run it again to check the table: it exits 1 on any difference).
/// </summary>
public class TigerAnswerExtractorTests
{
    public static TheoryData<string, int, string, string, string> Table()
    {
        var data = new TheoryData<string, int, string, string, string>();
        using var doc = JsonDocument.Parse(File.ReadAllText(CasesPath()));
        foreach (var row in doc.RootElement.EnumerateArray())
        {
            data.Add(row.GetProperty("reply").GetString()!, row.GetProperty("options").GetInt32(),
                row.GetProperty("letter").GetString()!, row.GetProperty("rule").GetString()!, row.GetProperty("why").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_reply_gives_the_letter_and_rule_python_gives(string reply, int options, string letter, string rule, string why)
    {
        var extraction = AnswerExtractors.Tiger.Extract(reply, options);
        Assert.True((letter, rule) == (Letters.Of(extraction.Index!.Value), extraction.Rule), $"{why}: expected {letter} ({rule}), got {Letters.Of(extraction.Index!.Value)} ({extraction.Rule})");
    }

    [Fact]
    public void The_table_holds_at_least_twenty_replies_and_every_rule()
    {
        var rows = Table().Select(r => (string)r[3]).ToList();
        Assert.True(rows.Count >= 20, $"{rows.Count} rows");
        Assert.Equal(["answer-colon", "answer-is", "guess", "last-letter"], rows.Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_guess_depends_on_the_option_count_only_as_tiger_reseeds_before_each()
    {
        Assert.Equal(
            [0, 1, 1, 3, 3, 3, 3, 6, 6, 6],
            Enumerable.Range(1, 10).Select(n => AnswerExtractors.Tiger.Extract("nothing to see", n).Index!.Value));
        Assert.Equal(AnswerExtractors.Tiger.Extract(null, 10), AnswerExtractors.Tiger.Extract(string.Empty, 10));
    }

    [Fact]
    public void Extractors_are_found_by_name_and_mmlu_pro_defaults_to_tiger()
    {
        Assert.Same(AnswerExtractors.Tiger, AnswerExtractors.Parse("TIGER"));
        Assert.Same(AnswerExtractors.Last, AnswerExtractors.Parse("last"));
        Assert.Same(AnswerExtractors.Tiger, AnswerExtractors.Parse(TestPlans.Build(new PlanRequest(SharedData.Dataset("mmlu-pro"), "test", 0, "letter", ["law"], Limit: 1, Benchmark: "mmlu-pro")).Rendered.DefaultExtraction));
        Assert.Same(AnswerExtractors.Last, AnswerExtractors.Parse(TestPlans.Build(new PlanRequest(SharedData.Mmlu, "test", 0, Subjects: ["anatomy"], Limit: 1)).Rendered.DefaultExtraction));
        Assert.Equal("Extraction must be one of last, tiger, not 'first'.", Assert.Throws<OptionException>(() => AnswerExtractors.Parse("first")).Message);
    }

    private static string CasesPath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "reference", "tiger_extract_cases.json"));
}
