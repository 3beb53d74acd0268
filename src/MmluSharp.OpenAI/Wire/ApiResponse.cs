using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>The parts of a completions or chat-completions answer the scorers read.</summary>
internal sealed record ApiResponse(
    [property: JsonPropertyName("choices")] IReadOnlyList<ApiChoice>? Choices,
    [property: JsonPropertyName("usage")] TokenUsage? Usage);
