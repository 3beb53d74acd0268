using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>The body of <c>POST /v1/completions</c> for letter scoring: one greedy token and its top log-probabilities.</summary>
internal sealed record CompletionRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("max_tokens")] int MaxTokens,
    [property: JsonPropertyName("logprobs")] int Logprobs,
    [property: JsonPropertyName("temperature")] double Temperature);
