using MmluSharp.Datasets;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Datasets;

public class MmluDirectoryRealDataTests
{
    private static readonly MmluDirectory Mmlu = new(SharedData.Mmlu);

    [Fact]
    public void All_three_splits_are_present_in_order()
    {
        Assert.Equal(["dev", "val", "test"], Mmlu.Splits);
    }

    [Theory]
    [InlineData("dev", 285)]
    [InlineData("val", 1531)]
    [InlineData("test", 14042)]
    public void Each_split_has_the_published_row_count_over_57_known_subjects(string split, int rows)
    {
        var subjects = Mmlu.Subjects(split);
        Assert.Equal(MmluCatalogue.Subjects, subjects);
        Assert.All(subjects, s => Assert.True(MmluCatalogue.Contains(s), s));

        var questions = Mmlu.ReadSplit(split);
        Assert.Equal(rows, questions.Count);
        Assert.All(questions, q =>
        {
            Assert.Equal("mmlu", q.Benchmark);
            Assert.Equal(split, q.Split);
            Assert.Equal(4, q.Choices.Count);
            Assert.InRange(q.AnswerIndex, 0, 3);
        });
    }

    [Theory]
    [InlineData("abstract_algebra", 5, 11, 100)]
    [InlineData("college_physics", 5, 11, 102)]
    [InlineData("high_school_geography", 5, 22, 198)]
    [InlineData("machine_learning", 5, 11, 112)]
    [InlineData("moral_scenarios", 5, 100, 895)]
    [InlineData("professional_law", 5, 170, 1534)]
    [InlineData("miscellaneous", 5, 86, 783)]
    public void Subjects_have_the_row_counts_of_the_sources_table(string subject, int dev, int val, int test)
    {
        Assert.Equal(dev, Mmlu.Read("dev", subject).Count);
        Assert.Equal(val, Mmlu.Read("val", subject).Count);
        Assert.Equal(test, Mmlu.Read("test", subject).Count);
    }

    [Fact]
    public void ReadSplit_orders_subjects_alphabetically_and_rows_by_file_order()
    {
        var questions = Mmlu.ReadSplit("test", ["virology", "anatomy"]);

        Assert.Equal(135 + 166, questions.Count);
        Assert.Equal(Enumerable.Range(0, 135), questions.Take(135).Select(q => q.Index));
        Assert.All(questions.Take(135), q => Assert.Equal("anatomy", q.Subject));
        Assert.Equal(Enumerable.Range(0, 166), questions.Skip(135).Select(q => q.Index));
        Assert.All(questions.Skip(135), q => Assert.Equal("virology", q.Subject));
    }

    [Fact]
    public void A_question_spanning_several_lines_keeps_its_line_feeds_and_tab()
    {
        var rows = Mmlu.Read("dev", "formal_logic");

        Assert.Equal(5, rows.Count);
        Assert.Equal(
            " Select the best English interpretation of the given arguments in predicate logic.\nDm\n(\u2200x)(Wx \u2283 ~Dx)\n(\u2200x)Wx \u2228 Ag\t/ (\u2203x)Ax",
            rows[2].Text);
        Assert.Equal("D", rows[2].AnswerLetter);
        Assert.StartsWith(" Construct a complete truth table", rows[3].Text, StringComparison.Ordinal);
        Assert.Equal("Inconsistent", rows[3].Choices[3]);
    }

    [Fact]
    public void A_question_with_a_leading_space_is_kept_untrimmed()
    {
        var first = Mmlu.Read("dev", "formal_logic")[0];

        Assert.Equal(" Select the best translation into predicate logic: No people drive on Mars.", first.Text);
        Assert.Equal(["~Pd", "(\u2200x)(Px \u2228 ~Dx)", "(\u2200x)(Px \u2283 ~Dx)", "~Dp"], first.Choices);
        Assert.Equal(2, first.AnswerIndex);
    }

    [Fact]
    public void An_embedded_crlf_inside_a_quoted_field_stays_crlf()
    {
        var row = Mmlu.Read("dev", "college_mathematics")[2];

        Assert.Equal(
            "Let A be a real 2x2 matrix. Which of the following statements must be true?\r\nI. All of the entries of A^2 are nonnegative.\r\nII. The determinant of A^2 is nonnegative.\r\nIII. If A has two distinct eigenvalues, then A^2 has two distinct eigenvalues.",
            row.Text);
        Assert.Equal("B", row.AnswerLetter);
    }

    [Fact]
    public void The_val_question_with_a_bare_closing_quote_keeps_it_as_pandas_does()
    {
        var row = Mmlu.Read("val", "college_medicine")[5];

        Assert.Equal("Which of the following would be the most accurate definition of Nietzsche\u2019s Will to Truth?\"", row.Text);
        Assert.Equal("An intrinsic desire to know the truth.", row.Choices[0]);
        Assert.Equal(0, row.AnswerIndex);
    }

    [Fact]
    public void A_crlf_only_file_without_final_newline_reads_every_row_with_clean_answers()
    {
        var path = Path.Combine(SharedData.Mmlu, "dev", "world_religions_dev.csv");
        var bytes = File.ReadAllBytes(path);
        Assert.NotEqual((byte)'\n', bytes[^1]);
        Assert.Equal(4, bytes.Count(b => b == '\n'));

        var rows = Mmlu.Read("dev", "world_religions");

        Assert.Equal(5, rows.Count);
        Assert.Equal(" What is the sign of the covenant for Jewish males?", rows[0].Text);
        Assert.Equal("Circumcision", rows[0].Choices[1]);
        Assert.Equal("How can the Upanishads be characterized?", rows[4].Text);
        Assert.Equal(["Ritual texts", "Philosophical texts", "Hymns", "Origin stories"], rows[4].Choices);
        Assert.Equal(1, rows[4].AnswerIndex);
    }

    [Fact]
    public void A_crlf_only_file_with_final_newline_has_no_phantom_last_row()
    {
        var rows = Mmlu.Read("test", "human_sexuality");

        Assert.Equal(131, rows.Count);
        Assert.DoesNotContain(rows, q => q.Choices.Any(c => c.EndsWith('\r')));
    }

    [Fact]
    public void No_field_in_any_split_is_empty_or_ends_with_a_stray_carriage_return()
    {
        foreach (var split in Mmlu.Splits)
        {
            foreach (var q in Mmlu.ReadSplit(split))
            {
                Assert.False(string.IsNullOrEmpty(q.Text));
                Assert.All(q.Choices, c => Assert.False(c.Length == 0 || c.EndsWith('\r'), $"{q.Subject} {q.Index}"));
            }
        }
    }
}
