using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>A chat message: <c>role</c> and text <c>content</c>.</summary>
internal sealed record ChatMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string? Content);
