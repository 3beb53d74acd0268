namespace MmluSharp.Models.Generation;

/// <summary>
/// Generates replies to many prompts at once, so an engine can share their prefixes and decode them side by side.
/// A chat client offers it through <c>GetService</c> when it can take prompts as text (a local llama.cpp model), and
/// generative scoring then sends its rendered prompts in bulk instead of one chat call per question.
/// </summary>
public interface IPromptGenerator
{
    /// <summary>Generates every reply, yielding each as soon as it is complete, in any order.</summary>
    IAsyncEnumerable<GeneratedReply> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken = default);
}
