using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MmluSharp.OpenAI.Tests;
using MmluSharp.Testing;

namespace MmluSharp.Cli.Tests;

/// <summary>Real <c>mmlu</c> processes against misbehaving loopback servers: wrong letters, non-finite numbers, leaks, broken answers.</summary>
public class EndpointFaultRunTests
{
    private static string[] RunArgs(string endpoint, string folder, string scoring, string subjects, string limit, params string[] extra) =>
        ["run", "--endpoint", endpoint, "--model", "fake-model", "--scoring", scoring, "--data", SharedData.Mmlu,
         "--subjects", subjects, "--limit", limit, "--shots", "5", "--out", folder, "--retries", "1", .. extra];

    private static string[] RunArgs(FakeServer server, string folder, string scoring = "letter", string limit = "4", params string[] extra) =>
        RunArgs(server.BaseUrl.ToString(), folder, scoring, "anatomy,virology", limit, extra);

    private static string[] ErrorLines(string output) =>
        [.. output.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal))];

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

    private static JsonElement Overall(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json"))).RootElement.GetProperty("overall");

    [Theory]
    [InlineData("letter")]
    [InlineData("chat-letter")]
    public async Task Letters_the_server_never_lists_stop_the_run_within_20_questions_with_one_line_naming_what_it_sent(string scoring)
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        server.Rewrite = (_, _, token, logprob) => (token.ToLowerInvariant(), JsonValue.Create(logprob));
        var folder = Cli.TempFolder("nomatch");

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(server, folder, scoring, "20"));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(ErrorLines(output));
        Assert.Contains("none of the letters", line, StringComparison.Ordinal);
        Assert.Contains(scoring == "letter" ? "\" a\"" : "\"a\"", line, StringComparison.Ordinal);
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

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(server, folder, limit: "10"));

        Assert.Equal(0, exitCode);
        var n = dropped.Count;
        Assert.InRange(n, 3, 17);
        var overall = Overall(folder);
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
        string[] args = [.. RunArgs(server, folder, limit: "40"), "--concurrency", "2"];

        await MmluProcess.KillOnceAsync(samples, 30, args);

        Assert.InRange(File.ReadAllLines(samples).Length, 30, 79);
        Assert.Equal(0, await MmluProcess.RunAsync(args));

        var overall = Overall(folder);
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

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(server, folder));

        Assert.Equal(0, exitCode);
        Assert.Empty(ErrorLines(output));
        var lines = File.ReadAllLines(Path.Combine(folder, "samples.jsonl"));
        Assert.Equal(8, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"D\":\"-Infinity\"", l, StringComparison.Ordinal));
        Assert.True(double.IsFinite(JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "results.json"))).RootElement
            .GetProperty("calibration").GetProperty("ece").GetDouble()));
        Assert.Contains("already holds this finished run", (await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(server, folder))).Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task A_NaN_or_plus_infinity_answer_is_retried_and_only_the_healthy_answer_is_cached(string value)
    {
        await using var server = await FakeServer.StartAsync();
        server.Rewrite = (_, attempt, token, logprob) => (token, token == " D" && attempt == 1 ? JsonValue.Create(value) : JsonValue.Create(logprob));
        var folder = Cli.TempFolder("nan");

        Assert.Equal(0, await MmluProcess.RunAsync(RunArgs(server, folder)));
        Assert.Equal(16, server.Hits);

        var again = Cli.TempFolder("nan-again");
        server.Rewrite = (_, _, token, _) => (token, JsonValue.Create(value));
        Assert.Equal(0, await MmluProcess.RunAsync(RunArgs(server, again, "letter", "4", "--cache", Path.Combine(folder, "responses.sqlite"))));
        Assert.Equal(16, server.Hits);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "samples.jsonl")), File.ReadAllText(Path.Combine(again, "samples.jsonl")));
        Assert.DoesNotContain("-100", File.ReadAllText(Path.Combine(folder, "samples.jsonl")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("letter")]
    [InlineData("chat-letter")]
    [InlineData("generate")]
    public async Task A_key_the_server_echoes_in_an_OpenAI_shaped_error_is_never_printed(string scoring)
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        server.Script = (_, _) => FakeReply.Json(
            """{"error":{"message":"Incorrect API key provided: sk-wrong-echoed-1234. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""",
            401);
        var environment = new Dictionary<string, string> { ["MMLU_ECHO_KEY"] = "sk-wrong-echoed-1234" };
        var folder = Cli.TempFolder("echo");

        var (exitCode, output) = await MmluProcess.RunAsync(environment, [.. RunArgs(server, folder, scoring), "--api-key-env", "MMLU_ECHO_KEY"]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(ErrorLines(output));
        Assert.Contains("rejected the API key (HTTP 401; key from $MMLU_ECHO_KEY)", line, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided: [REDACTED]", line, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-wrong-echoed-1234", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_text_that_echoes_the_key_is_stored_redacted()
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        server.Script = (_, _) => FakeReply.Json(
            """{"choices":[{"index":0,"message":{"role":"assistant","content":"Your key is sk-echoed-in-text-5678. Answer: B"},"finish_reason":"stop"}]}""");
        var environment = new Dictionary<string, string> { ["MMLU_TEXT_KEY"] = "sk-echoed-in-text-5678" };
        var folder = Cli.TempFolder("echotext");

        var (exitCode, output) = await MmluProcess.RunAsync(environment, [.. RunArgs(server, folder, "generate"), "--api-key-env", "MMLU_TEXT_KEY"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Your key is [REDACTED]. Answer: B", File.ReadAllText(Path.Combine(folder, "samples.jsonl")), StringComparison.Ordinal);
        AssertNowhere(folder, output, "sk-echoed-in-text-5678");
    }

    [Theory]
    [InlineData("letter")]
    [InlineData("generate")]
    public async Task Credentials_in_the_endpoint_url_are_sent_as_basic_auth_and_written_nowhere(string scoring)
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        var withUser = new UriBuilder(server.BaseUrl) { UserName = "alice", Password = "pa55-url-secret" }.Uri.ToString();
        var folder = Cli.TempFolder("userinfo");

        var (exitCode, output) = await MmluProcess.RunAsync(
            new Dictionary<string, string>(), RunArgs(withUser, folder, scoring, "anatomy,virology", "4"));

        Assert.Equal(0, exitCode);
        Assert.All(server.Authorizations, a => Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pa55-url-secret")), a));
        Assert.Equal(8, server.Authorizations.Count);
        Assert.Contains(server.BaseUrl.ToString(), File.ReadAllText(Path.Combine(folder, "results.json")), StringComparison.Ordinal);
        AssertNowhere(folder, output, "pa55-url-secret");
        AssertNowhere(folder, output, "alice");
    }

    [Theory]
    [InlineData("generate", "timeout", "did not answer within 1 s")]
    [InlineData("generate", "html", "answered text/html, not JSON: <!DOCTYPE html><html><body>Sign in")]
    [InlineData("generate", "array", "answered a JSON array, not an OpenAI-compatible response object: [")]
    [InlineData("generate", "no-choices", "answered JSON without \"choices\": {\"id\":\"x\"")]
    [InlineData("generate", "empty-choices", "answered JSON without \"choices\": {\"choices\":[]")]
    [InlineData("letter", "html", "answered text/html, not JSON: <!DOCTYPE html><html><body>Sign in")]
    [InlineData("letter", "no-choices", "answered JSON without \"choices\": {\"id\":\"x\"")]
    [InlineData("chat-letter", "array", "answered a JSON array, not an OpenAI-compatible response object: [")]
    public async Task A_broken_server_answer_is_one_line_naming_the_url_and_exit_code_2(string scoring, string fault, string expected)
    {
        await using var server = await FakeServer.StartAsync();
        server.Shape = LogprobShape.Chat;
        server.Delay = fault == "timeout" ? TimeSpan.FromSeconds(4) : TimeSpan.Zero;
        server.Script = (_, _) => fault switch
        {
            "html" => new FakeReply(200, "text/html", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>Sign in to the proxy</body></html>")),
            "array" => FakeReply.Json("[{\"text\":\"A\"}]"),
            "no-choices" => FakeReply.Json("{\"id\":\"x\",\"object\":\"chat.completion\"}"),
            "empty-choices" => FakeReply.Json("{\"choices\":[]}"),
            _ => null,
        };
        var folder = Cli.TempFolder("broken-" + fault);

        var (exitCode, output) = await MmluProcess.RunAsync(
            new Dictionary<string, string>(), [.. RunArgs(server, folder, scoring), "--timeout", "1"]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(ErrorLines(output));
        Assert.Contains(server.BaseUrl.ToString(), line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "results.json")));
    }

    [Fact]
    public async Task An_answer_larger_than_the_cap_is_one_line_and_exit_code_2()
    {
        await using var server = await FakeServer.StartAsync();
        var padding = new string('x', 20 << 20);
        server.Script = (_, _) => FakeReply.Json($$$"""{"choices":[{"text":" A","logprobs":{"top_logprobs":[{" A":-1," B":-2," C":-3," D":-4}]}}],"padding":"{{{padding}}}"}""");
        var folder = Cli.TempFolder("huge");

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(server, folder));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(ErrorLines(output));
        Assert.Contains("answered more than 16 MB", line, StringComparison.Ordinal);
        Assert.Contains("--max-response-mb", line, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "results.json")));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("schema")]
    public async Task A_corrupt_response_cache_is_one_line_naming_it_and_exit_code_2(string damage)
    {
        await using var server = await FakeServer.StartAsync();
        var folder = Cli.TempFolder("badcache");
        var cache = Path.Combine(folder, "responses.sqlite");
        switch (damage)
        {
            case "garbage":
                await File.WriteAllBytesAsync(cache, RandomNumberGenerator.GetBytes(8192));
                break;
            case "truncated":
                var donor = Cli.TempFolder("donor");
                Assert.Equal(0, await MmluProcess.RunAsync(RunArgs(server, donor, limit: "40")));
                var bytes = await File.ReadAllBytesAsync(Path.Combine(donor, "responses.sqlite"));
                Assert.True(bytes.Length > 3 * 4096, $"the donor cache has {bytes.Length} bytes");
                await File.WriteAllBytesAsync(cache, bytes[..(bytes.Length / 2)]);
                break;
            default:
                await File.WriteAllBytesAsync(cache, await SchemaDatabase());
                break;
        }

        var before = await File.ReadAllBytesAsync(cache);
        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), RunArgs(server, Path.Combine(folder, "run"), extra: ["--cache", cache]));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(ErrorLines(output));
        Assert.Contains(cache, line.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("not a response cache", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(cache));
        Assert.Equal(0, server.Hits - (damage == "truncated" ? 80 : 0));
    }

    /// <summary>An SQLite file whose <c>responses</c> table has other columns, written by the sqlite library itself.</summary>
    private static async Task<byte[]> SchemaDatabase()
    {
        var path = Path.Combine(Cli.TempFolder("schema"), "other.sqlite");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE responses (id INTEGER PRIMARY KEY, payload TEXT); INSERT INTO responses (payload) VALUES ('x');";
            await command.ExecuteNonQueryAsync();
        }

        return await File.ReadAllBytesAsync(path);
    }

    private static void AssertNowhere(string folder, string output, string secret)
    {
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(folder))
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file));
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{Path.GetFileName(file)} holds '{secret}'");
        }
    }
}
