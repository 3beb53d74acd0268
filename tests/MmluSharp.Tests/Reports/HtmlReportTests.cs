using System.Text.RegularExpressions;
using MmluSharp.Reports;

namespace MmluSharp.Tests.Reports;

public partial class HtmlReportTests
{
    [Fact]
    public void The_page_is_self_contained_without_scripts_or_external_resources()
    {
        var html = HtmlReport.ToText(ReportFixture.Results(), Examples);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<svg ", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Dataset_and_user_strings_are_escaped_everywhere()
    {
        var html = HtmlReport.ToText(ReportFixture.Results(model: "m\"><img src=x onerror=alert(1)>"), Examples);
        Assert.Contains("&lt;script&gt;window.pwned = 1&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("m&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subject_chart_has_a_bar_and_an_error_bar_per_subject_and_the_chance_line()
    {
        var html = HtmlReport.ToText(ReportFixture.Results());
        var subjects = html[html.IndexOf("class=\"bars subjects\"", StringComparison.Ordinal)..];
        subjects = subjects[..subjects.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.Equal(ReportFixture.Subjects.Length, Regex.Count(subjects, "<rect ", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("chance 25%", subjects, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray", subjects, StringComparison.Ordinal);
    }

    internal static IReadOnlyList<ReportExample> Examples { get; } =
    [
        new("anatomy", 3, "Which bone? <script>window.pwned = 1</script> & \"quotes\"", "A", "B"),
        new("virology", 0, "A plain question.", "C", "C"),
    ];

    [GeneratedRegex("(src|href)\\s*=\\s*\"?(https?:|//)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ExternalReference();
}
