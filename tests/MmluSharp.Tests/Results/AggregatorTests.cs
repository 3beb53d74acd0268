using MmluSharp.Datasets;
using MmluSharp.Results;

namespace MmluSharp.Tests.Results;

public class AggregatorTests
{
    private static readonly Sample[] Samples =
    [
        SampleFactory.Right("abstract_algebra", 0), SampleFactory.Right("abstract_algebra", 1),
        SampleFactory.Right("abstract_algebra", 2), SampleFactory.Wrong("abstract_algebra", 3),
        SampleFactory.Right("anatomy", 0), SampleFactory.Wrong("anatomy", 1),
    ];

    private static readonly RunDescription Description = new(
        "mmlu", "test", 5, "original", "letter", new ModelDescription("m", null, null, null),
        new RunProvenance("0.1.0", "original", 1, "original", "mmlu run", DateTimeOffset.UnixEpoch));

    private static RunResults Aggregate(Grouping grouping = Grouping.Original) =>
        Aggregator.Aggregate(Samples, Description, new TimingStats(1, 6, 60), MmluCatalogue.For(grouping));

    [Fact]
    public void Questions_cut_from_the_left_are_counted_overall()
    {
        Sample[] samples = [.. Samples.Select((s, i) => i % 3 == 0 ? s with { ShotsUsed = 0, TruncatedTokens = 10 * (i + 1) } : s)];

        var results = Aggregator.Aggregate(samples, Description, new TimingStats(1, 6, 60));

        Assert.Equal(2, results.Overall.Truncated);
        Assert.Equal(0, Aggregate().Overall.Truncated);
    }

    [Fact]
    public void Overall_accuracy_is_micro_and_macro_is_the_mean_of_subject_accuracies()
    {
        var overall = Aggregate().Overall;
        Assert.Equal(4.0 / 6, overall.Accuracy, 12);
        Assert.Equal((0.75 + 0.5) / 2, overall.MacroAccuracy, 12);
        Assert.Equal(6, overall.N);
        Assert.Equal(4, overall.Correct);
    }

    [Fact]
    public void Stderr_is_the_sample_standard_deviation_over_root_n()
    {
        // p = 2/3, n = 6: sqrt(p(1-p)/(n-1))
        var overall = Aggregate().Overall;
        Assert.Equal(Math.Sqrt(2.0 / 3 * (1.0 / 3) / 5), overall.Stderr, 12);
        Assert.Equal(Math.Max(0, (4.0 / 6) - (1.96 * overall.Stderr)), overall.Ci95[0], 12);
        Assert.Equal(Math.Min(1, (4.0 / 6) + (1.96 * overall.Stderr)), overall.Ci95[1], 12);
    }

    [Fact]
    public void Categories_follow_categories_py_with_anatomy_under_other()
    {
        var results = Aggregate();
        Assert.Equal(new[] { "STEM", "other" }, results.Categories.Keys);
        Assert.Equal(0.75, results.Categories["STEM"].Accuracy, 12);
        Assert.Equal(2, results.Categories["other"].N);
        Assert.Equal(new[] { "math", "health" }, results.Subcategories.Keys);
        Assert.Equal("health", results.Subjects["anatomy"].Subcategory);
    }

    [Fact]
    public void Harness_grouping_puts_anatomy_under_stem()
    {
        var results = Aggregate(Grouping.Harness);
        Assert.Equal(new[] { "STEM" }, results.Categories.Keys);
        Assert.Equal(4.0 / 6, results.Categories["STEM"].Accuracy, 12);
    }

    [Fact]
    public void Rotations_of_one_question_count_as_one_question_in_the_standard_error()
    {
        // Question 0 right in all 4 rotations, question 1 wrong in all 4: per-question means 1 and 0,
        // so stderr = sqrt(var([1, 0]) / 2) = 0.5, not the naive sqrt(.25 / 7) of 8 independent answers.
        Sample[] rotated =
        [
            .. Enumerable.Range(0, 4).Select(r => SampleFactory.Right("anatomy", 0) with { Rotation = r }),
            .. Enumerable.Range(0, 4).Select(r => SampleFactory.Wrong("anatomy", 1) with { Rotation = r }),
        ];
        var results = Aggregator.Aggregate(rotated, Description, new TimingStats(1, 8, 8));

        Assert.Equal(0.5, results.Overall.Accuracy);
        Assert.Equal(8, results.Overall.N);
        Assert.Equal(0.5, results.Overall.Stderr, 12);
        Assert.Equal(0.5, results.Subjects["anatomy"].Stderr, 12);
        Assert.Equal(0.5, results.Categories["other"].Stderr, 12);
    }

    [Fact]
    public void A_single_question_group_has_zero_stderr()
    {
        Assert.Equal(0, AccuracyStats.Of(1, 1).Stderr);
        Assert.Equal(0, AccuracyStats.Of(0, 0).Accuracy);
    }

    [Fact]
    public void Results_json_round_trips_with_snake_case_names_and_invariant_numbers()
    {
        var results = Aggregate();
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-results").FullName, "results.json");
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            ResultsJson.Write(results, path);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }

        var text = File.ReadAllText(path);
        Assert.Contains("\"schema\": \"mmlusharp.results/1\"", text, StringComparison.Ordinal);
        Assert.Contains("\"macro_accuracy\": 0.625", text, StringComparison.Ordinal);
        Assert.Contains("\"rms_calibration_error\":", text, StringComparison.Ordinal);
        Assert.Contains("\"questions_per_second\": 6", text, StringComparison.Ordinal);
        var read = ResultsJson.Read(path);
        Assert.Equal(results.Overall.Accuracy, read.Overall.Accuracy);
        Assert.Equal(results.Subjects["anatomy"], read.Subjects["anatomy"]);
        Assert.Equal(results.Run, read.Run);
    }

    [Fact]
    public void Categories_and_subcategories_carry_their_95_percent_interval_in_results_json()
    {
        var results = Aggregate();
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-ci").FullName, "results.json");
        ResultsJson.Write(results, path);

        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        foreach (var section in new[] { "categories", "subcategories" })
        {
            foreach (var group in doc.RootElement.GetProperty(section).EnumerateObject())
            {
                var stats = section == "categories" ? results.Categories[group.Name] : results.Subcategories[group.Name];
                var (lower, upper) = AccuracyStats.Interval(stats.Accuracy, stats.Stderr);
                var ci = group.Value.GetProperty("ci95").EnumerateArray().Select(e => e.GetDouble()).ToList();
                Assert.Equal([lower, upper], ci);
                Assert.True(lower < stats.Accuracy && stats.Accuracy < upper, group.Name);
                Assert.False(group.Value.TryGetProperty("interval95", out _));
            }
        }

        // STEM here is abstract algebra: 3 of 4, stderr √(0.75·0.25/3) = 0.25.
        Assert.Equal([0.75 - (1.96 * 0.25), 1.0], doc.RootElement.GetProperty("categories").GetProperty("STEM").GetProperty("ci95").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(results.Categories, ResultsJson.Read(path).Categories);
    }

    [Fact]
    public void Chance_is_the_mean_of_one_over_options_over_the_samples_and_survives_the_samples_file()
    {
        // Two letter-scored questions of four options, two generated answers to questions of ten and three options.
        var generated = new[]
        {
            new Sample("law", 0, "J", "J", true, new Dictionary<string, double>(), 5, new string('0', 64), "The answer is (J)", "answer-is", Options: 10),
            new Sample("law", 1, "C", "", false, new Dictionary<string, double>(), 5, new string('0', 64), "no idea", "none", Options: 3),
        };
        var folder = Directory.CreateTempSubdirectory("mmlu-chance").FullName;
        SampleLog.Rewrite(Path.Combine(folder, "samples.jsonl"), [SampleFactory.Right("anatomy", 0), SampleFactory.Wrong("anatomy", 1), .. generated]);
        var read = SampleLog.ReadAll(Path.Combine(folder, "samples.jsonl"));

        Assert.Equal([4, 4, 10, 3], read.Select(s => s.OptionCount));
        var results = Aggregator.Aggregate(read, Description, new TimingStats(1, 4, 1));
        Assert.Equal(((2 * 0.25) + 0.1 + (1.0 / 3)) / 4, results.Overall.Chance!.Value, 15);
        Assert.Equal(0.25, Aggregate().Overall.Chance);
    }

    [Fact]
    public void A_subject_records_its_size_only_when_fewer_of_its_questions_were_scored()
    {
        var description = Description with { SubjectSizes = new Dictionary<string, int> { ["abstract_algebra"] = 100, ["anatomy"] = 2 } };
        var results = Aggregator.Aggregate(Samples, description, new TimingStats(1, 6, 60));
        Assert.Equal(100, results.Subjects["abstract_algebra"].Available);
        Assert.Null(results.Subjects["anatomy"].Available);
        Assert.Null(Aggregate().Subjects["abstract_algebra"].Available);
    }

    [Fact]
    public void Results_written_before_intervals_and_chance_were_recorded_still_read()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mmlu-old").FullName, "results.json");
        ResultsJson.Write(Aggregate(), path);
        var old = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        old["overall"]!.AsObject().Remove("chance");
        foreach (var (_, group) in old["categories"]!.AsObject())
        {
            group!.AsObject().Remove("ci95");
            group.AsObject()["interval95"] = new System.Text.Json.Nodes.JsonObject();
        }

        File.WriteAllText(path, old.ToJsonString());
        var read = ResultsJson.Read(path);
        Assert.Null(read.Overall.Chance);
        Assert.Equal(Aggregate().Categories, read.Categories);
    }

    [Fact]
    public void Floored_letters_and_questions_are_counted_from_the_samples()
    {
        Sample[] samples =
        [
            SampleFactory.Right("anatomy", 0) with { Floored = ["C", "D"] },
            SampleFactory.Right("anatomy", 1) with { Floored = ["D"] },
            SampleFactory.Wrong("anatomy", 2),
        ];

        var overall = Aggregator.Aggregate(samples, Description, new TimingStats(1, 3, 30)).Overall;

        Assert.Equal(3, overall.FlooredLetters);
        Assert.Equal(2, overall.FlooredQuestions);
    }
}
