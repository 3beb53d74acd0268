namespace MmluSharp.Cli.Tests;

public class CompareCommandTests
{
    [Fact]
    public void Compare_pairs_runs_on_the_same_questions_and_writes_markdown_and_html()
    {
        var root = Cli.TempFolder("compare");
        var a = ReportRuns.Write(Path.Combine(root, "a"), "model-a", shots: 5, questions: 30);
        var b = ReportRuns.Write(Path.Combine(root, "b"), "model-b", shots: 5, questions: 30, shift: 4);
        string md = Path.Combine(root, "c.md"), html = Path.Combine(root, "c.html");

        var result = Cli.Run("compare", a, b, "--md", md, "--html", html, "--published");

        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(md);
        Assert.Contains("## Leaderboard", text, StringComparison.Ordinal);
        Assert.Contains("## Paired tests against model-a", text, StringComparison.Ordinal);
        Assert.Contains("## model-b against model-a by subject", text, StringComparison.Ordinal);
        Assert.Contains("GPT-3 175B (few-shot)", text, StringComparison.Ordinal);
        Assert.Contains("<table>", File.ReadAllText(html), StringComparison.Ordinal);
        Assert.Equal(text, Rerun(a, b, root));
    }

    [Fact]
    public void Compare_refuses_to_pair_different_shots_and_says_why_but_still_compares_accuracy()
    {
        var root = Cli.TempFolder("compare-shots");
        var a = ReportRuns.Write(Path.Combine(root, "a"), "model-a", shots: 5, questions: 10);
        var b = ReportRuns.Write(Path.Combine(root, "b"), "model-b", shots: 0, questions: 10);

        var result = Cli.Run("compare", a, b);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not paired:", result.Output, StringComparison.Ordinal);
        Assert.Contains("shots 5 vs 0", result.Output, StringComparison.Ordinal);
        Assert.Contains("## Leaderboard", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_without_samples_says_there_is_nothing_to_pair()
    {
        var root = Cli.TempFolder("compare-nosamples");
        var a = ReportRuns.Write(Path.Combine(root, "a"), "model-a", shots: 5, questions: 10);
        var b = ReportRuns.Write(Path.Combine(root, "b"), "model-b", shots: 5, questions: 10, samples: false);
        var result = Cli.Run("compare", a, b);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("model-b has no samples.jsonl", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_needs_two_runs()
    {
        var result = Cli.Run("compare", "a.json");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("at least two", result.Output, StringComparison.Ordinal);
    }

    private static string Rerun(string a, string b, string root)
    {
        var again = Path.Combine(root, "again.md");
        Assert.Equal(0, Cli.Run("compare", a, b, "--md", again, "--published").ExitCode);
        return File.ReadAllText(again);
    }
}
