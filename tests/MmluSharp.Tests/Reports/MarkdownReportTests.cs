using System.Globalization;
using MmluSharp.Reports;
using MmluSharp.Testing;

namespace MmluSharp.Tests.Reports;

public class MarkdownReportTests
{
    [Fact]
    public void The_markdown_report_of_the_fixed_run_matches_its_golden()
    {
        Golden.Verify("reports/report.md", MarkdownReport.ToText(ReportFixture.Results()));
    }

    [Theory]
    [InlineData("ru-RU")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Every_writer_gives_the_same_bytes_under_other_cultures(string culture)
    {
        var results = ReportFixture.Results();
        var invariant = WithCulture(CultureInfo.InvariantCulture, () =>
            (MarkdownReport.ToText(results), HtmlReport.ToText(results), LmEvalExport.ToText(results)));
        var local = WithCulture(new CultureInfo(culture), () =>
            (MarkdownReport.ToText(results), HtmlReport.ToText(results), LmEvalExport.ToText(results)));

        Assert.Equal(invariant, local);
        Assert.Contains("| 45.0 |", local.Item1, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_has_every_section_and_sorts_subjects_by_accuracy()
    {
        var text = MarkdownReport.ToText(ReportFixture.Results());
        foreach (var heading in new[] { "## Overall", "## Categories", "## Subcategories", "## Subjects", "## Calibration", "## What ran" })
        {
            Assert.Contains(heading + "\n", text, StringComparison.Ordinal);
        }

        var subjects = text[text.IndexOf("## Subjects", StringComparison.Ordinal)..text.IndexOf("## Calibration", StringComparison.Ordinal)];
        var accuracies = subjects.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2]))
            .Select(l => double.Parse(l.Split('|')[4], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ReportFixture.Subjects.Length, accuracies.Count);
        Assert.Equal(accuracies.OrderByDescending(a => a), accuracies);
    }

    [Fact]
    public void User_strings_cannot_break_the_tables_or_inject_markup()
    {
        var text = MarkdownReport.ToText(ReportFixture.Results(model: "evil|model\n<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("evil\\|model &lt;script>alert(1)&lt;/script>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_sequences_in_subject_and_model_names_reach_the_markdown_only_as_visible_pictures()
    {
        const string model = "m\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007\u001b[31m";
        var samples = ReportFixture.Samples().Select(s => s.Subject == "virology" ? s with { Subject = "viro\u001b[2Jlogy\rOK\u009b1m" } : s).ToList();
        var text = MarkdownReport.ToText(ReportFixture.Results(samples, model));

        Assert.DoesNotContain(text, c => c is (< ' ' and not '\n') or (>= '\u007f' and <= '\u009f'));
        Assert.Contains("# MMLU report: m\u241b]8;;https://evil.example/\u2407click\u241b]8;;\u2407\u241b[31m\n", text, StringComparison.Ordinal);
        Assert.Contains("| viro\u241b[2Jlogy\u240dOK\uFFFD1m |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chance_sentence_is_the_mean_of_one_over_options_of_the_questions_scored()
    {
        // Three options for half the questions, ten for the other half: chance = (1/3 + 1/10) / 2 = 21.7%.
        var samples = ReportFixture.Samples().Select((s, i) => s with { LogProbs = s.LogProbs.Take(i % 2 == 0 ? 3 : 2).ToDictionary(), Options = i % 2 == 0 ? 3 : 10 }).ToList();
        var results = ReportFixture.Results(samples);
        Assert.Equal(((1.0 / 3) + (1.0 / 10)) / 2, results.Overall.Chance!.Value, 12);

        var text = MarkdownReport.ToText(results);
        Assert.Contains("Chance is 21.7% (the mean of 1/options over the questions scored).", text, StringComparison.Ordinal);
        Assert.Contains("Sorted by accuracy, best first. Chance is 21.7%.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("25%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_without_a_letter_are_counted_under_the_headline_as_in_the_terminal_summary()
    {
        var results = ReportFixture.Results();
        var text = MarkdownReport.ToText(results with { Overall = results.Overall with { Unparsed = 3 } });
        Assert.Contains("\n\nunparsed: 3 of 360 answers held no letter (counted wrong).\n\n## Overall", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_that_do_not_record_a_chance_level_get_no_chance_sentence()
    {
        var results = ReportFixture.Results();
        var text = MarkdownReport.ToText(results with { Overall = results.Overall with { Chance = null } });
        Assert.DoesNotContain("Chance", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Floored_letters_are_a_remark_under_the_headline_of_both_reports_and_absent_when_none()
    {
        var results = ReportFixture.Results();
        var floored = results with { Overall = results.Overall with { FlooredLetters = 1234, FlooredQuestions = 1 } };
        const string Sentence = "floored: 1,234 answer letters in 1 question were missing from the server's top log-probabilities and scored at the floor value";

        Assert.Contains("\n\n" + Sentence, MarkdownReport.ToText(floored), StringComparison.Ordinal);
        Assert.Contains("<p class=\"note\">" + Sentence.Replace("'", "&#39;", StringComparison.Ordinal), HtmlReport.ToText(floored), StringComparison.Ordinal);
        Assert.DoesNotContain("floored", MarkdownReport.ToText(results), StringComparison.Ordinal);
        Assert.DoesNotContain("floored", HtmlReport.ToText(results), StringComparison.Ordinal);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
