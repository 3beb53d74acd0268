using System.Text;
using Microsoft.AspNetCore.Http;

namespace MmluSharp.OpenAI.Tests;

/// <summary>A raw answer of the fake server: status, content type and body; <paramref name="Chunked"/> omits Content-Length.</summary>
public sealed record FakeReply(int Status, string ContentType, byte[] Body, bool Chunked = false)
{
    public static FakeReply Json(string json, int status = 200) => new(status, "application/json", Encoding.UTF8.GetBytes(json));

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = ContentType;
        if (!Chunked)
        {
            context.Response.ContentLength = Body.Length;
        }

        for (var offset = 0; offset < Body.Length; offset += 1 << 16)
        {
            await context.Response.Body.WriteAsync(Body.AsMemory(offset, Math.Min(1 << 16, Body.Length - offset)));
        }
    }
}
