using MmluSharp.Reports;
using Microsoft.Playwright;

namespace MmluSharp.Tests.Reports;

/// <summary>
/// Opens the HTML report in a real headless Chromium (Debian's, driven by Playwright; Playwright's own browser
/// download cannot work offline). A missing browser fails the test; it is never skipped.
/// </summary>
public class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_report_renders_its_charts_in_headless_chromium_and_no_injected_script_runs()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: the browser test needs Debian's chromium (./test.sh installs it).");
        var folder = Directory.CreateTempSubdirectory("mmlu-report-html").FullName;
        var path = Path.Combine(folder, "report.html");
        ReportFiles.WriteText(path, w => HtmlReport.Write(ReportFixture.Results(model: "m<script>window.pwnedModel = 1</script>"), w, HtmlReportTests.Examples));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run", "--disable-component-update", "--disable-sync"],
        });

        // BypassCSP: the page's own policy forbids scripts; bypassing it proves the escaping alone keeps injected text inert.
        await using var context = await browser.NewContextAsync(new() { BypassCSP = true });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                requests.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(path).AbsoluteUri);

        var charts = await page.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('svg')].map(s => { const r = s.getBoundingClientRect(); " +
            "return [r.width, r.height, s.querySelectorAll('rect').length, s.querySelectorAll('line').length]; })");
        Assert.Equal(3, charts.Length);
        Assert.All(charts, c => Assert.True(c[0] > 100 && c[1] > 100 && c[2] > 0 && c[3] > 0, string.Join(", ", c)));

        var barWidths = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('svg.subjects rect')].map(r => r.getBBox().width)");
        Assert.Equal(ReportFixture.Subjects.Length, barWidths.Length);
        Assert.All(barWidths, w => Assert.True(w > 0));
        Assert.Equal(1, await page.Locator("svg.subjects text", new() { HasText = "chance 25%" }).CountAsync());

        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined && window.pwnedModel === undefined"));
        Assert.Equal(0, await page.Locator("body script").CountAsync());
        var examples = await page.Locator("#examples + table").InnerTextAsync();
        Assert.Contains("<script>window.pwned = 1</script>", examples, StringComparison.Ordinal);
        Assert.Contains("m<script>window.pwnedModel = 1</script>", await page.TitleAsync(), StringComparison.Ordinal);

        Assert.Empty(errors);
        Assert.Empty(requests);
    }
}
