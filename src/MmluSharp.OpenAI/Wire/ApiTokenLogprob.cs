using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>A generated token (chat shape) with the most likely tokens at its position.</summary>
internal sealed record ApiTokenLogprob(
    [property: JsonPropertyName("token")] string? Token,
    [property: JsonPropertyName("logprob")] double? Logprob,
    [property: JsonPropertyName("top_logprobs")] IReadOnlyList<ApiTopLogprob>? TopLogprobs);
