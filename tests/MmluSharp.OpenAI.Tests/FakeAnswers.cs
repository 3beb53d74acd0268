using System.Text.Json;
using System.Text.Json.Nodes;

namespace MmluSharp.OpenAI.Tests;

/// <summary>The fake server's OpenAI-shaped answers: letter log-probabilities from a hash of the prompt, in the requested shape.</summary>
internal static class FakeAnswers
{
    private static readonly string[] Letters = ["A", "B", "C", "D"];

    public static JsonObject Completion(JsonElement request, LogprobShape shape, TokenRewrite? rewrite, int attempt)
    {
        var prompt = request.GetProperty("prompt").GetString()!;
        var top = Rewritten(TopTokens(prompt, spaced: true), rewrite, prompt, attempt);
        var logprobs = shape switch
        {
            LogprobShape.Legacy => new JsonObject
            {
                ["tokens"] = new JsonArray(top[0].Token),
                ["token_logprobs"] = new JsonArray(top[0].Logprob.DeepClone()),
                ["top_logprobs"] = new JsonArray(new JsonObject(top.Select(t => KeyValuePair.Create(t.Token, (JsonNode?)t.Logprob.DeepClone())))),
                ["text_offset"] = new JsonArray(prompt.Length),
            },
            LogprobShape.Chat => ChatShape(top),
            _ => null,
        };
        var choice = new JsonObject { ["text"] = top[0].Token, ["index"] = 0, ["finish_reason"] = "length" };
        if (logprobs is not null)
        {
            choice["logprobs"] = logprobs;
        }

        return Envelope("text_completion", choice, prompt.Length);
    }

    public static JsonObject Chat(JsonElement request, LogprobShape shape, TokenRewrite? rewrite, int attempt)
    {
        var content = request.GetProperty("messages")[0].GetProperty("content").GetString()!;
        var wantsLogprobs = request.TryGetProperty("logprobs", out var lp) && lp.ValueKind == JsonValueKind.True;
        var top = Rewritten(TopTokens(content, spaced: false), rewrite, content, attempt);
        var choice = new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = top[0].Token },
            ["finish_reason"] = "length",
        };
        if (wantsLogprobs && shape != LogprobShape.None)
        {
            choice["logprobs"] = ChatShape(top);
        }

        return Envelope("chat.completion", choice, content.Length);
    }

    /// <summary>
    /// Completions: <c>" A"</c> and a bare <c>"A"</c> 0.1 nat MORE likely (must be ignored). Chat: bare letters, a spaced
    /// variant 1 nat less likely and <c>"A."</c>. Then filler tokens, most likely first.
    /// A prompt containing <c>[no D]</c> leaves D out.
    /// </summary>
    private static List<(string Token, double Logprob)> TopTokens(string prompt, bool spaced)
    {
        var scores = FakeServer.LetterLogprobs(prompt);
        var top = new List<(string Token, double Logprob)>();
        for (var i = 0; i < 4; i++)
        {
            if (i == 3 && prompt.Contains("[no D]", StringComparison.Ordinal))
            {
                continue;
            }

            top.Add(((spaced ? " " : string.Empty) + Letters[i], scores[i]));
            if (!spaced)
            {
                top.Add((" " + Letters[i], scores[i] - 1));
            }

            top.Add(spaced ? (Letters[i], scores[i] + 0.1) : (Letters[i] + ".", scores[i] - 2));
        }

        top.Add(("\n", -9.5));
        top.Add((" The", -10.5));
        return [.. top.OrderByDescending(t => t.Logprob)];
    }

    /// <summary>The top list after <paramref name="rewrite"/>, each log-probability as the JSON value to send.</summary>
    private static List<(string Token, JsonNode Logprob)> Rewritten(List<(string Token, double Logprob)> top, TokenRewrite? rewrite, string prompt, int attempt)
    {
        var sent = new List<(string, JsonNode)>();
        foreach (var (token, logprob) in top)
        {
            if (rewrite is null)
            {
                sent.Add((token, JsonValue.Create(logprob)));
            }
            else if (rewrite(prompt, attempt, token, logprob) is { } rewritten)
            {
                sent.Add(rewritten);
            }
        }

        return sent;
    }

    private static JsonObject ChatShape(List<(string Token, JsonNode Logprob)> top) => new()
    {
        ["content"] = new JsonArray(new JsonObject
        {
            ["id"] = 1,
            ["token"] = top[0].Token,
            ["bytes"] = new JsonArray(),
            ["logprob"] = top[0].Logprob.DeepClone(),
            ["top_logprobs"] = new JsonArray([.. top.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = 2,
                ["token"] = t.Token,
                ["bytes"] = new JsonArray(),
                ["logprob"] = t.Logprob.DeepClone(),
            })]),
        }),
    };

    private static JsonObject Envelope(string kind, JsonObject choice, int promptLength) => new()
    {
        ["id"] = "cmpl-1",
        ["object"] = kind,
        ["created"] = 0,
        ["model"] = "fake",
        ["choices"] = new JsonArray(choice),
        ["usage"] = new JsonObject { ["prompt_tokens"] = promptLength / 4, ["completion_tokens"] = 1, ["total_tokens"] = (promptLength / 4) + 1 },
    };
}
