namespace MmluSharp.Models.Generation;

/// <summary>Random sampling of each next token (a chat client's <c>ChatOptions</c>); greedy decoding needs none.</summary>
/// <param name="Temperature">Divides the logits before the softmax; above 0.</param>
/// <param name="Seed">Seeds the generator, so a seeded reply is reproducible.</param>
/// <param name="TopK">Keep only the K most likely tokens; null: all.</param>
/// <param name="TopP">Keep the most likely tokens whose probabilities sum to at least P; null: all.</param>
public sealed record Sampling(float Temperature, long Seed, int? TopK = null, float? TopP = null);
