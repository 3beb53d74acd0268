using MmluSharp.Cli.Datasets;
using MmluSharp.Datasets;
using MmluSharp.Testing;
using MmluSharp.Tests.Datasets;

namespace MmluSharp.Cli.Tests;

public sealed class DatasetInspectorTests : IDisposable
{
    private static readonly Lazy<DatasetSummary> Real = new(() => DatasetInspector.Describe(new MmluDirectory(SharedData.Mmlu)));
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static SplitSummary Split(string name) => Real.Value.Splits.Single(s => s.Split == name);

    [Fact]
    public void Real_folder_has_three_splits_of_57_subjects_with_published_counts()
    {
        Assert.Equal(["dev", "val", "test"], Real.Value.Splits.Select(s => s.Split));
        Assert.All(Real.Value.Splits, s => Assert.Equal(57, s.Subjects));
        Assert.Equal([285, 1531, 14042], Real.Value.Splits.Select(s => s.Questions));
        Assert.Equal(Grouping.Original, Real.Value.Grouping);
    }

    [Fact]
    public void Test_split_per_category_counts_follow_the_original_mapping()
    {
        Assert.Equal(
            [
                new CategoryCount("STEM", 18, 3018),
                new CategoryCount("humanities", 13, 4705),
                new CategoryCount("social sciences", 12, 3077),
                new CategoryCount("other", 14, 3242),
            ],
            Split("test").Categories);
    }

    [Fact]
    public void Harness_grouping_moves_anatomy_to_stem()
    {
        var test = DatasetInspector.Describe(new MmluDirectory(SharedData.Mmlu), Grouping.Harness).Splits.Single(s => s.Split == "test");
        Assert.Equal(new CategoryCount("STEM", 19, 3018 + 135), test.Categories[0]);
        Assert.Equal(new CategoryCount("other", 13, 3242 - 135), test.Categories[3]);
    }

    [Fact]
    public void Duplicate_rows_inside_a_subject_match_the_sources_notes()
    {
        Assert.Equal(1, Split("dev").DuplicateRows);
        Assert.Equal([new SubjectCount("college_physics", 1)], Split("dev").DuplicatesBySubject);
        Assert.Equal(0, Split("val").DuplicateRows);
        Assert.Equal(27, Split("test").DuplicateRows);
        Assert.Equal(
            [
                new SubjectCount("college_physics", 11),
                new SubjectCount("elementary_mathematics", 1),
                new SubjectCount("high_school_psychology", 11),
                new SubjectCount("professional_psychology", 1),
                new SubjectCount("public_relations", 2),
                new SubjectCount("us_foreign_policy", 1),
            ],
            Split("test").DuplicatesBySubject);
    }

    [Fact]
    public void Rows_shared_between_subjects_are_all_clinical_knowledge_and_college_medicine()
    {
        Assert.Equal(0, Split("dev").SharedRows);
        Assert.Empty(Split("dev").SharedBetween);
        Assert.Equal(2, Split("val").SharedRows);
        Assert.Equal([new SubjectPairCount("clinical_knowledge", "college_medicine", 2)], Split("val").SharedBetween);
        Assert.Equal(78, Split("test").SharedRows);
        Assert.Equal([new SubjectPairCount("clinical_knowledge", "college_medicine", 78)], Split("test").SharedBetween);
    }

    [Fact]
    public void Small_folder_counts_duplicates_shared_rows_and_unknown_subjects_as_other()
    {
        temp.Write(Path.Combine("dev", "anatomy_dev.csv"), "Q,a,b,c,d,A\nQ,a,b,c,d,A\nQ,a,b,c,d,B\nQ,a,b,c,d,A\nS,a,b,c,d,A\n");
        temp.Write(Path.Combine("dev", "virology_dev.csv"), "S,a,b,c,d,A\nQ,a,b,c,d,B\n");
        temp.Write(Path.Combine("dev", "astrology_dev.csv"), "S,a,b,c,d,A\n");

        var summary = DatasetInspector.Describe(new MmluDirectory(temp.Path));

        var dev = Assert.Single(summary.Splits);
        Assert.Equal(3, dev.Subjects);
        Assert.Equal(8, dev.Questions);
        Assert.Equal([0, 0, 0, 3], dev.Categories.Select(c => c.Subjects));
        Assert.Equal([0, 0, 0, 8], dev.Categories.Select(c => c.Questions));
        Assert.Equal(2, dev.DuplicateRows);
        Assert.Equal([new SubjectCount("anatomy", 2)], dev.DuplicatesBySubject);
        Assert.Equal(2, dev.SharedRows);
        Assert.Equal(
            [
                new SubjectPairCount("anatomy", "astrology", 1),
                new SubjectPairCount("anatomy", "virology", 2),
                new SubjectPairCount("astrology", "virology", 1),
            ],
            dev.SharedBetween);
    }
}
