using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MmluSharp;

namespace EvaluateChatClient.Tests;

/// <summary>The README's program, run against an OpenAI-compatible server on 127.0.0.1 that always answers correctly.</summary>
public sealed class ConsoleProgramTests
{
    [Fact]
    public async Task TheReadmeProgramPrintsPerfectAccuracyForAServerThatAlwaysAnswersCorrectly()
    {
        var data = SharedData.Mmlu;
        var key = new AnswerKey(new EvaluationOptions { Data = data, Limit = 5 });
        var asked = 0;
        await using var server = await StartServerAsync(async context =>
        {
            using var request = await JsonDocument.ParseAsync(context.Request.Body);
            var message = request.RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString()!;
            Interlocked.Increment(ref asked);
            var reply = new JsonObject
            {
                ["id"] = "chatcmpl-1",
                ["object"] = "chat.completion",
                ["model"] = "always-right",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = key.ReplyTo(message) },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 6, ["total_tokens"] = 106 },
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.ToJsonString());
        });

        var output = RunProgram($"{server.Address}/v1", "always-right", data);

        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"MMLU accuracy: 1.000 over {key.Count} questions"),
            output.Trim());
        Assert.Equal(key.Count, asked);
    }

    /// <summary>Runs the console program's entry point in this process and returns what it printed.</summary>
    private static string RunProgram(params string[] args)
    {
        var entry = Assembly.Load("EvaluateChatClient").EntryPoint!;
        var console = Console.Out;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(output);
        try
        {
            entry.Invoke(null, [args]);
        }
        finally
        {
            Console.SetOut(console);
        }

        return output.ToString();
    }

    private static async Task<Server> StartServerAsync(RequestDelegate chat)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", chat);
        await app.StartAsync();
        return new Server(app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private sealed record Server(WebApplication App, string Address) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
