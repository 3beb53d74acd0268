using Microsoft.Extensions.AI;
using MmluSharp.Prompting.Chat;

namespace MmluSharp.LlamaCpp.Chat;

/// <summary>A loaded GGUF model as a Microsoft.Extensions.AI <see cref="IChatClient"/>.</summary>
public static class LlamaCppChatExtensions
{
    /// <summary>
    /// The model as a chat client rendering messages with <paramref name="template"/>, else the model's own chat template
    /// (<c>tokenizer.chat_template</c>); a model with neither completes a single user message's text as it stands.
    /// Greedy unless <see cref="ChatOptions.Temperature"/> is above 0. Disposing the client leaves the model loaded.
    /// </summary>
    /// <remarks>The model's own template is read on the first chat call, which throws <see cref="ChatTemplateException"/> when the interpreter cannot read it.</remarks>
    public static IChatClient AsIChatClient(this LlamaCppModel model, IChatTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return template is not null ? new LlamaCppChatClient(model, template) : new LlamaCppChatClient(model, () => model.ChatTemplate());
    }
}
