namespace MmluSharp.Models.Generation;

/// <summary>The answer to a <see cref="GenerationRequest"/>.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Text">The reply, without the stop string that ended it.</param>
/// <param name="Finish">Why the reply ended.</param>
/// <param name="ShotsUsed">Few-shot examples kept so that the prompt and the reply fit the context.</param>
/// <param name="PromptTokens">Tokens of the prompt as generated from.</param>
/// <param name="GeneratedTokens">Tokens generated (the end-of-generation token not counted).</param>
/// <param name="TokensDecoded">Tokens this request caused the engine to decode (a shared prefix counted once, by the first request of its group).</param>
/// <param name="TruncatedTokens">Tokens cut from the left of the zero-shot prompt because it did not fit beside the reply; 0 when it fit.</param>
public sealed record GeneratedReply(
    string Id,
    string Text,
    GenerationFinish Finish,
    int ShotsUsed,
    int PromptTokens,
    int GeneratedTokens,
    long TokensDecoded,
    int TruncatedTokens = 0);
