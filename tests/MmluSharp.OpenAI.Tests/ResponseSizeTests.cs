using System.Text;

namespace MmluSharp.OpenAI.Tests;

public sealed class ResponseSizeTests
{
    private static FakeReply Padded(int bytes, bool chunked) => new(
        200,
        "application/json",
        Encoding.UTF8.GetBytes($$$"""{"choices":[{"text":" A","logprobs":{"top_logprobs":[{" A":-1," B":-2," C":-3," D":-4}]}}],"pad":"{{{new string('x', bytes)}}}"}"""),
        chunked);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_answer_over_the_cap_is_a_broken_answer_retried_then_one_line(bool chunked)
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (_, _) => Padded(3 << 20, chunked);
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { MaxResponseBytes = 1 << 20, MaxRetries = 2 });

        var error = await Assert.ThrowsAsync<EndpointException>(() => TestRequests.ScoreAll(model, TestRequests.Make(1)));

        Assert.Equal($"{server.BaseUrl}/completions answered more than 1 MB, the most one answer may have (--max-response-mb) (after 2 retries)", error.Message);
        Assert.Equal(3, server.Hits);
    }

    [Fact]
    public async Task An_answer_under_the_cap_is_read_whole()
    {
        await using var server = await FakeServer.StartAsync();
        server.Script = (_, _) => Padded((1 << 20) - 200, chunked: true);
        using var model = OpenAICompatible.CompletionsModel(TestRequests.Options(server) with { MaxResponseBytes = 1 << 20 });

        var answers = await TestRequests.ScoreAll(model, TestRequests.Make(1));

        Assert.Equal([-1.0, -2, -3, -4], answers["0"]);
    }
}
