using MmluSharp.Datasets;
using MmluSharp.Results;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>
/// Names from outside (subjects, models, file names) carrying terminal escape sequences reach neither the terminal
/// nor report.md raw: real mmlu processes, their standard output read byte for byte.
/// </summary>
public class TerminalSafetyTests
{
    /// <summary>Colour, an OSC 8 hyperlink (BEL-terminated), the bell, a carriage return that overwrites the line, an 8-bit CSI.</summary>
    private const string Payload = "\u001b[31mred\u001b]8;;https:evil.example\u0007link\u001b]8;;\u0007\u0007\rOVERWRITTEN\u009b2J";

    /// <summary>How <see cref="Payload"/> must look once neutralised.</summary>
    private const string Shown = "\u241b[31mred\u241b]8;;https:evil.example\u2407link\u241b]8;;\u2407\u2407\u240dOVERWRITTEN\uFFFD2J";

    /// <summary>
    /// How the console shows <see cref="Payload"/> in a line it writes itself: Spectre.Console turns the lone CR into a
    /// line break before any text reaches the terminal, so nothing can be overwritten.
    /// </summary>
    private const string ShownOnTerminal = "\u241b[31mred\u241b]8;;https:evil.example\u2407link\u241b]8;;\u2407\u2407\nOVERWRITTEN\uFFFD2J";

    [Fact]
    public async Task Mmlu_report_prints_and_writes_hostile_subject_model_and_file_names_only_as_visible_pictures()
    {
        var folder = Cli.TempFolder("ansi-report");
        var results = WriteResults(folder, "model" + Payload, "subject" + Payload);
        var markdown = Path.Combine(folder, "report" + Payload + ".md");

        var printed = await MmluProcess.RunRawAsync("report", results);
        var written = await MmluProcess.RunRawAsync("report", results, "--md", markdown);
        var missing = await MmluProcess.RunRawAsync("report", Path.Combine(folder, "missing" + Payload + ".json"));

        Assert.Equal((0, 0, 2), (printed.ExitCode, written.ExitCode, missing.ExitCode));
        foreach (var text in new[] { printed.Output, written.Output, missing.Output, File.ReadAllText(markdown) })
        {
            AssertNoControlCharacters(text);
        }

        Assert.Contains("# MMLU report: model" + Shown, printed.Output, StringComparison.Ordinal);
        Assert.Contains("subject" + Shown, printed.Output, StringComparison.Ordinal);
        Assert.Contains("report" + ShownOnTerminal + ".md", written.Output, StringComparison.Ordinal);
        Assert.Contains("missing" + ShownOnTerminal + ".json", missing.Output, StringComparison.Ordinal);
        Assert.Contains("subject" + Shown, File.ReadAllText(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_summary_shows_a_hostile_model_file_and_subject_only_as_visible_pictures()
    {
        var folder = Cli.TempFolder("ansi-run");
        var data = Path.Combine(folder, "data");
        Directory.CreateDirectory(Path.Combine(data, "test"));
        File.Copy(Path.Combine(SharedData.Mmlu, "test", "anatomy_test.csv"), Path.Combine(data, "test", "anatomy" + Payload + "_test.csv"));
        var model = Path.Combine(folder, "tiny" + Payload + ".gguf");
        File.Copy(SharedData.Model("llama-2-tiny-random.gguf"), model);
        var output = Path.Combine(folder, "run");

        var run = await MmluProcess.RunRawAsync("run", "--model", model, "--data", data, "--shots", "0", "--limit", "3", "--out", output);

        Assert.Equal(0, run.ExitCode);
        AssertNoControlCharacters(run.Output);
        AssertNoControlCharacters(File.ReadAllText(Path.Combine(output, "report.md")));
        Assert.Contains("tiny" + ShownOnTerminal, run.Output, StringComparison.Ordinal);
        Assert.Contains("anatomy" + ShownOnTerminal, run.Output, StringComparison.Ordinal);
        Assert.Contains("Chance is 25% (the mean of 1/options over the questions scored).", run.Output, StringComparison.Ordinal);
        Assert.Contains("anatomy" + Shown, File.ReadAllText(Path.Combine(output, "report.md")), StringComparison.Ordinal);

        // results.json keeps the names as they are: only what is shown is neutralised.
        Assert.Contains("anatomy" + Payload, ResultsJson.Read(Path.Combine(output, "results.json")).Subjects.Keys);
    }

    /// <summary>Everything but the C0 controls other than LF, DEL and the C1 controls.</summary>
    private static readonly System.Buffers.SearchValues<char> Inert = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => c is '\n' or (>= ' ' and < '\u007f') or > '\u009f')]);

    private static void AssertNoControlCharacters(string text)
    {
        var at = text.AsSpan().IndexOfAnyExcept(Inert);
        Assert.True(at < 0, at < 0 ? null : $"U+{(int)text[at]:X4} at {at}: «{text[Math.Max(0, at - 30)..Math.Min(text.Length, at + 30)]}»");
    }

    private static string WriteResults(string folder, string model, string subject)
    {
        var samples = Enumerable.Range(0, 4).Select(i => new Sample(
            subject, i, "A", i % 2 == 0 ? "A" : "B", i % 2 == 0,
            new Dictionary<string, double>(StringComparer.Ordinal) { ["A"] = -0.5, ["B"] = -1, ["C"] = -2, ["D"] = -3 }, 0, new string('0', 64))).ToList();
        var description = new RunDescription("mmlu", "test", 0, "original", "letter", new ModelDescription(model, null, null, null),
            new RunProvenance("0.1.0", "original", 1, "original", "mmlu run", DateTimeOffset.UnixEpoch));
        var path = Path.Combine(folder, "results.json");
        ResultsJson.Write(Aggregator.Aggregate(samples, description, new TimingStats(1, 4, 1), MmluCatalogue.For()), path);
        return path;
    }
}
