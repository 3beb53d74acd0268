using System.Security.Cryptography;
using System.Text;
using MmluSharp.OpenAI.Tests;

namespace MmluSharp.Cli.Tests;

/// <summary>Real <c>mmlu</c> processes against servers that time out or answer HTML, arrays, no choices or too much, and with a damaged cache.</summary>
public class EndpointBrokenServerRunTests
{
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
            new Dictionary<string, string>(), [.. EndpointRun.Args(server, folder, scoring), "--timeout", "1"]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(EndpointRun.ErrorLines(output));
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

        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), EndpointRun.Args(server, folder));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(EndpointRun.ErrorLines(output));
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
                Assert.Equal(0, await MmluProcess.RunAsync(EndpointRun.Args(server, donor, limit: "40")));
                var bytes = await File.ReadAllBytesAsync(Path.Combine(donor, "responses.sqlite"));
                Assert.True(bytes.Length > 3 * 4096, $"the donor cache has {bytes.Length} bytes");
                await File.WriteAllBytesAsync(cache, bytes[..(bytes.Length / 2)]);
                break;
            default:
                await File.WriteAllBytesAsync(cache, await SchemaDatabase());
                break;
        }

        var before = await File.ReadAllBytesAsync(cache);
        var (exitCode, output) = await MmluProcess.RunAsync(new Dictionary<string, string>(), EndpointRun.Args(server, Path.Combine(folder, "run"), extra: ["--cache", cache]));

        Assert.Equal(2, exitCode);
        var line = Assert.Single(EndpointRun.ErrorLines(output));
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
}
