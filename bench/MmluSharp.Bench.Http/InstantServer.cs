using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

using MmluSharp.Testing;

namespace MmluSharp.Bench.Http;

/// <summary>A loopback Kestrel server answering <c>/v1/completions</c> at once with one fixed legacy-shape answer.</summary>
internal sealed class InstantServer : IAsyncDisposable
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        """{"id":"cmpl-1","object":"text_completion","model":"bench","choices":[{"text":" B","index":0,"finish_reason":"length","logprobs":{"tokens":[" B"],"token_logprobs":[-0.4],"top_logprobs":[{" B":-0.4," A":-1.6," C":-2.1," D":-2.5,"\n":-6.0}],"text_offset":[0]}}],"usage":{"prompt_tokens":600,"completion_tokens":1,"total_tokens":601}}""");

    private readonly WebApplication app;
    private long hits;

    private InstantServer(WebApplication app, string address)
    {
        this.app = app;
        BaseUrl = new Uri(address + "/v1");
    }

    public Uri BaseUrl { get; }

    public long Hits => Interlocked.Read(ref hits);

    public static async Task<InstantServer> StartAsync()
    {
        InstantServer? server = null;
        var (app, address) = await Loopback.StartAsync(app => app.MapPost("/v1/completions", (HttpContext c) => server!.HandleAsync(c)))
            .ConfigureAwait(false);
        server = new InstantServer(app, address);
        return server;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync().ConfigureAwait(false);

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref hits);
        await context.Request.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Answer.Length;
        await context.Response.Body.WriteAsync(Answer).ConfigureAwait(false);
    }
}
