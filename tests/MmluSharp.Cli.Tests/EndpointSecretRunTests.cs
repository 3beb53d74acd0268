using System.Text;
using MmluSharp.OpenAI.Tests;

namespace MmluSharp.Cli.Tests;

/// <summary>Real <c>mmlu</c> processes against servers that echo the key, and with credentials in the endpoint URL.</summary>
public class EndpointSecretRunTests
{
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

        var (exitCode, output) = await MmluProcess.RunAsync(environment, [.. EndpointRun.Args(server, folder, scoring), "--api-key-env", "MMLU_ECHO_KEY"]);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(EndpointRun.ErrorLines(output));
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

        var (exitCode, output) = await MmluProcess.RunAsync(environment, [.. EndpointRun.Args(server, folder, "generate"), "--api-key-env", "MMLU_TEXT_KEY"]);

        Assert.Equal(0, exitCode);
        Assert.Contains("Your key is [REDACTED]. Answer: B", File.ReadAllText(Path.Combine(folder, "samples.jsonl")), StringComparison.Ordinal);
        EndpointRun.AssertNowhere(folder, output, "sk-echoed-in-text-5678");
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
            new Dictionary<string, string>(), EndpointRun.Args(withUser, folder, scoring, "anatomy,virology", "4"));

        Assert.Equal(0, exitCode);
        Assert.All(server.Authorizations, a => Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pa55-url-secret")), a));
        Assert.Equal(8, server.Authorizations.Count);
        Assert.Contains(server.BaseUrl.ToString(), File.ReadAllText(Path.Combine(folder, "results.json")), StringComparison.Ordinal);
        EndpointRun.AssertNowhere(folder, output, "pa55-url-secret");
        EndpointRun.AssertNowhere(folder, output, "alice");
    }
}
