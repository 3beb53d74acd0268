using System.Text.Json.Nodes;

namespace MmluSharp.OpenAI.Tests;

/// <summary>
/// How the fake server sends one token of its top list: gets the prompt (or chat message), the attempt number, the
/// token and its log-probability; returns the token and the JSON value of its log-probability (a number, or a string
/// such as <c>"-Infinity"</c>), or null to leave the token out.
/// </summary>
public delegate (string Token, JsonNode Logprob)? TokenRewrite(string prompt, int attempt, string token, double logprob);
