using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>Token counts, when the server reports them.</summary>
internal sealed record TokenUsage(
    [property: JsonPropertyName("prompt_tokens")] long? PromptTokens,
    [property: JsonPropertyName("completion_tokens")] long? CompletionTokens,
    [property: JsonPropertyName("total_tokens")] long? TotalTokens)
{
    public long Total => TotalTokens ?? ((PromptTokens ?? 0) + (CompletionTokens ?? 0));
}
