using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>Source-generated JSON for the wire types; unknown fields are ignored, <c>-Infinity</c> is accepted.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(CompletionRequest))]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ApiResponse))]
internal sealed partial class WireJson : JsonSerializerContext;
