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
