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

    [Fact]
    public void The_chance_line_and_captions_follow_the_recorded_chance_level()
    {
        var results = ReportFixture.Results();
        var html = HtmlReport.ToText(results with { Overall = results.Overall with { Chance = 0.1029 } });
        var subjects = html[html.IndexOf("class=\"bars subjects\"", StringComparison.Ordinal)..];
        subjects = subjects[..subjects.IndexOf("</svg>", StringComparison.Ordinal)];

        Assert.Contains("chance 10.3%", subjects, StringComparison.Ordinal);
        Assert.Contains("the dashed line is chance (10.3%)", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"note\">Chance is 10.3% (the mean of 1/options over the questions scored).</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("25%", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_sequences_never_reach_the_page_raw()
    {
        var samples = ReportFixture.Samples().Select(s => s.Subject == "virology" ? s with { Subject = "viro\u001b[31mlogy\u0007" } : s).ToList();
        var html = HtmlReport.ToText(ReportFixture.Results(samples, "m\u001b]8;;https://evil.example/\u001b\\x"), [new("anatomy", 1, "Q\u001b[2J?\r\nnext line", "A", "B")]);
        Assert.DoesNotContain(html, c => c is (< ' ' and not '\n') or (>= '\u007f' and <= '\u009f'));
        Assert.Contains("viro\u241b[31mlogy\u2407", html, StringComparison.Ordinal);
        Assert.Contains("Q\u241b[2J?\nnext line", html, StringComparison.Ordinal);
    }

    internal static IReadOnlyList<ReportExample> Examples { get; } =
    [
        new("anatomy", 3, "Which bone? <script>window.pwned = 1</script> & \"quotes\"", "A", "B"),
        new("virology", 0, "A plain question.", "C", "C"),
    ];

    [GeneratedRegex("(src|href)\\s*=\\s*\"?(https?:|//)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ExternalReference();
}
