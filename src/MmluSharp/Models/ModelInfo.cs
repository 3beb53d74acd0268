namespace MmluSharp.Models;

/// <summary>What a model says about itself.</summary>
/// <param name="Name">A short display name (file name without extension, or the server's model name).</param>
/// <param name="Path">The local file, when there is one.</param>
/// <param name="ContextLength">Tokens the model can attend to in one sequence as loaded.</param>
public sealed record ModelInfo(string Name, string? Path, int ContextLength);
