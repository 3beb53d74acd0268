using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>One of the most likely tokens at a position (chat shape).</summary>
internal sealed record ApiTopLogprob(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("logprob")] double? Logprob);
