using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>One choice: completions put the text in <c>text</c>, chat in <c>message</c>.</summary>
internal sealed record ApiChoice(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("message")] ChatMessage? Message,
    [property: JsonPropertyName("logprobs")] ApiLogprobs? Logprobs);
