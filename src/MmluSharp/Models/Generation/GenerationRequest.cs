using MmluSharp.Prompting;

namespace MmluSharp.Models.Generation;

/// <summary>Generate a reply to a prompt given as text (already rendered, by a chat template or not).</summary>
/// <param name="Id">Echoed in the reply; replies may arrive out of order.</param>
/// <param name="Prompt">The prompt; requests whose header and shots agree share their prefix.</param>
/// <param name="MaxTokens">The most tokens the reply may have.</param>
/// <param name="Stop">Where the reply ends: the text before the first occurrence of any of these is kept.</param>
/// <param name="Sampling">How each token is chosen; null: greedy (the most likely token, the first on ties).</param>
public sealed record GenerationRequest(string Id, Prompt Prompt, int MaxTokens, IReadOnlyList<string> Stop, Sampling? Sampling = null);
