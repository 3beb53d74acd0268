using System.Text.Json.Serialization;

namespace MmluSharp.OpenAI.Wire;

/// <summary>
/// Log-probabilities in either shape. Chat shape (OpenAI chat, and llama-server's <c>/v1/completions</c>):
/// <c>content[] = {token, logprob, top_logprobs[] = {token, logprob}}</c>. OpenAI legacy completions:
/// <c>tokens[]</c>, <c>token_logprobs[]</c> and <c>top_logprobs[] = {token: logprob}</c>, one entry per position.
/// </summary>
internal sealed record ApiLogprobs(
    [property: JsonPropertyName("content")] IReadOnlyList<ApiTokenLogprob>? Content,
    [property: JsonPropertyName("tokens")] IReadOnlyList<string?>? Tokens,
    [property: JsonPropertyName("token_logprobs")] IReadOnlyList<double?>? TokenLogprobs,
    [property: JsonPropertyName("top_logprobs")] IReadOnlyList<Dictionary<string, double?>?>? TopLogprobs);
