using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MmluSharp.OpenAI.Tests;

namespace MmluSharp.Cli.Tests;

/// <summary>Real <c>mmlu</c> processes against servers that list the letters wrongly, floor some, or send non-finite numbers.</summary>
public class EndpointLetterRunTests
{
    /// <summary>Leaves out " D" (and "D") for prompts whose hash is even, recording those prompts.</summary>
    private static TokenRewrite DropD(ConcurrentDictionary<string, bool> dropped) => (prompt, _, token, logprob) =>
    {
        if (token.Trim() == "D" && SHA256.HashData(Encoding.UTF8.GetBytes(prompt))[0] % 2 == 0)
        {
            dropped[prompt] = true;
            return null;
        }

        return (token, JsonValue.Create(logprob));
    };

    [Theory]
    [InlineData("letter")]
    [InlineData("chat-letter")]
    public async Task Letters_the_server_never_lists_stop_the_run_within_20_questions_with_one_line_naming_what_it_sent(string scoring)
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        server.Rewrite = (_, _, token, logprob) => (token.ToLowerInvariant(), JsonValue.Create(logprob));
        var folder = Cli.TempFolder("nomatch");

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), EndpointRun.Args(server, folder, scoring, "20"));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(EndpointRun.ErrorLines(output));
        Assert.Contains("none of the letters", line, StringComparison.Ordinal);
        Assert.Matches("the server listed \"[abcd]\", ", line);
        Assert.Contains("--top-logprobs", line, StringComparison.Ordinal);
        Assert.Contains("--scoring generate", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.InRange(server.HitsByBody.Count, 10, 20);
        var samples = Path.Combine(folder, "samples.jsonl");
        Assert.True(!File.Exists(samples) || new FileInfo(samples).Length == 0, "no sample scored by the floor may be kept");
        Assert.False(File.Exists(Path.Combine(folder, "results.json")));
    }

    [Fact]
    public async Task A_few_floored_letters_finish_the_run_and_are_counted_in_results_summary_and_both_reports()
    {
        await using var server = await FakeServer.StartAsync();
        var dropped = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        server.Rewrite = DropD(dropped);
        var folder = Cli.TempFolder("floored");

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), EndpointRun.Args(server, folder, limit: "10"));

        Assert.Equal(0, exitCode);
        var n = dropped.Count;
        Assert.InRange(n, 3, 17);
        var overall = EndpointRun.Overall(folder);
        Assert.Equal(n, overall.GetProperty("floored_letters").GetInt32());
        Assert.Equal(n, overall.GetProperty("floored_questions").GetInt32());
        var sentence = $"{n} answer letters in {n} questions were missing from the server's top log-probabilities";
        Assert.Contains(sentence, output, StringComparison.Ordinal);
        Assert.Contains(sentence, File.ReadAllText(Path.Combine(folder, "report.md")), StringComparison.Ordinal);
        Assert.Contains(sentence.Replace("'", "&#39;", StringComparison.Ordinal), File.ReadAllText(Path.Combine(folder, "report.html")), StringComparison.Ordinal);
        Assert.Equal(n, File.ReadLines(Path.Combine(folder, "samples.jsonl")).Count(l => l.Contains("\"floored\":[\"D\"]", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Floored_letters_are_counted_exactly_across_a_kill_and_a_resume()
    {
        await using var server = await FakeServer.StartAsync();
        var dropped = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        server.Rewrite = DropD(dropped);
        server.Delay = TimeSpan.FromMilliseconds(40);
        var folder = Cli.TempFolder("floorkill");
        var samples = Path.Combine(folder, "samples.jsonl");
        string[] args = [.. EndpointRun.Args(server, folder, limit: "40"), "--concurrency", "2"];

        await MmluProcess.KillOnceAsync(samples, 30, args);

        Assert.InRange(File.ReadAllLines(samples).Length, 30, 79);
        Assert.Equal(0, await MmluProcess.RunAsync(args));

        var overall = EndpointRun.Overall(folder);
        Assert.Equal(80, overall.GetProperty("n").GetInt32());
        Assert.Equal(dropped.Count, overall.GetProperty("floored_letters").GetInt32());
        Assert.Equal(dropped.Count, overall.GetProperty("floored_questions").GetInt32());
    }

    [Fact]
    public async Task A_minus_infinity_log_probability_is_scored_written_and_read_back()
    {
        await using var server = await FakeServer.StartAsync();
        server.Rewrite = (_, _, token, logprob) => (token, token == " D" ? JsonValue.Create("-Infinity") : JsonValue.Create(logprob));
        var folder = Cli.TempFolder("neginf");

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), EndpointRun.Args(server, folder));

        Assert.Equal(0, exitCode);
        Assert.Empty(EndpointRun.ErrorLines(output));
        var lines = File.ReadAllLines(Path.Combine(folder, "samples.jsonl"));
        Assert.Equal(8, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"D\":\"-Infinity\"", l, StringComparison.Ordinal));
        Assert.True(double.IsFinite(JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json"))).RootElement
            .GetProperty("calibration").GetProperty("ece").GetDouble()));
        Assert.Contains("already holds this finished run", (await MmluProcess.RunAsync(new Dictionary<string, string>(), EndpointRun.Args(server, folder))).Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task A_NaN_or_plus_infinity_answer_is_retried_and_only_the_healthy_answer_is_cached(string value)
    {
        await using var server = await FakeServer.StartAsync();
        server.Rewrite = (_, attempt, token, logprob) => (token, token == " D" && attempt == 1 ? JsonValue.Create(value) : JsonValue.Create(logprob));
        var folder = Cli.TempFolder("nan");

        Assert.Equal(0, await MmluProcess.RunAsync(EndpointRun.Args(server, folder)));
        Assert.Equal(16, server.Hits);

        var again = Cli.TempFolder("nan-again");
        server.Rewrite = (_, _, token, _) => (token, JsonValue.Create(value));
        Assert.Equal(0, await MmluProcess.RunAsync(EndpointRun.Args(server, again, "letter", "4", "--cache", Path.Combine(folder, "responses.sqlite"))));
        Assert.Equal(16, server.Hits);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "samples.jsonl")), File.ReadAllText(Path.Combine(again, "samples.jsonl")));
        Assert.DoesNotContain("-100", File.ReadAllText(Path.Combine(folder, "samples.jsonl")), StringComparison.Ordinal);
    }
}
