using Microsoft.Extensions.AI;

namespace MmluSharp.Prompting.Chat;

/// <summary>Turns chat messages into the text a model reads, as its tokenizer's chat template would.</summary>
public interface IChatTemplate
{
    /// <summary>Where the template comes from, for results and messages, e.g. <c>chatml (llama.cpp built-in)</c> or a file.</summary>
    string Source { get; }

    /// <summary>The template itself (a Jinja template's text, or a built-in's name): what lm-evaluation-harness records as <c>chat_template</c>.</summary>
    string Text { get; }

    /// <summary>The messages as text, ending with the opening of the assistant's turn when <paramref name="addGenerationPrompt"/>.</summary>
    /// <exception cref="ChatTemplateException">The template cannot render these messages.</exception>
    string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt);
}
