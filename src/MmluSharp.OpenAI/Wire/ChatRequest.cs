using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>The body of <c>POST /v1/chat/completions</c> for letter scoring.</summary>
internal sealed record ChatRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages,
    [property: JsonPropertyName("max_tokens")] int MaxTokens,
    [property: JsonPropertyName("logprobs")] bool Logprobs,
    [property: JsonPropertyName("top_logprobs")] int TopLogprobs,
    [property: JsonPropertyName("temperature")] double Temperature);
