using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>
/// The body of <c>POST /v1/completions</c>: for letter scoring one greedy token and its top log-probabilities; for
/// generation a reply of up to <paramref name="MaxTokens"/> ending at the first of <paramref name="Stop"/>.
/// </summary>
internal sealed record CompletionRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("max_tokens")] int MaxTokens,
    [property: JsonPropertyName("logprobs")] int? Logprobs,
    [property: JsonPropertyName("temperature")] double Temperature,
    [property: JsonPropertyName("stop")] IReadOnlyList<string>? Stop = null,
    [property: JsonPropertyName("seed")] long? Seed = null,
    [property: JsonPropertyName("top_p")] float? TopP = null);
