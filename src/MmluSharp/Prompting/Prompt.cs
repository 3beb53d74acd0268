namespace MmluSharp.Prompting;

/// <summary>
/// A prompt in its three parts: a header, the few-shot examples (each already ending in its answer and blank
/// line), and the query (the question ending in <c>Answer:</c>). Kept apart so an engine can share the prefix
/// (header + shots) across questions and drop the last shots when a prompt is too long for the model.
/// </summary>
public sealed record Prompt(string Header, IReadOnlyList<string> Shots, string Query)
{
    /// <summary>The full prompt with all its shots.</summary>
    public string Text => Render(Shots.Count);

    /// <summary>
    /// Each example as a chat turn (lm-evaluation-harness' <c>doc_to_text</c> for the user, its target for the
    /// assistant), one per <see cref="Shots"/>, for <c>--fewshot-as-multiturn</c>; null when the prompt cannot be
    /// split into turns (a pre-rendered prompt).
    /// </summary>
    public IReadOnlyList<ShotTurn>? Turns { get; init; }

    /// <summary>
    /// Rendered by a chat template: its role markers (<c>&lt;|im_start|&gt;</c>, <c>[INST]</c>, …) are special tokens,
    /// which a tokenizer must read as such, as llama.cpp and Hugging Face tokenizers do for templated prompts.
    /// </summary>
    public bool Templated { get; init; }

    /// <summary>The header followed by the first <paramref name="shots"/> examples.</summary>
    public string Prefix(int shots) => shots == 0 ? Header : Header + string.Concat(Shots.Take(shots));

    /// <summary>The prompt with only the first <paramref name="shots"/> examples.</summary>
    public string Render(int shots) => Prefix(shots) + Query;

    /// <summary>A prompt that arrives already rendered (e.g. QLoRA's JSON): no header, no shots.</summary>
    public static Prompt PreRendered(string text) => new(string.Empty, [], text);
}
