using Microsoft.Extensions.AI;
using MmluSharp.Prompting.Jinja;

namespace MmluSharp.Prompting.Chat;

/// <summary>
/// A Hugging Face chat template (Jinja), rendered as <c>tokenizer.apply_chat_template(messages, tokenize=False,
/// add_generation_prompt=…)</c> renders it: <c>messages</c> as role/content dicts, <c>bos_token</c> and <c>eos_token</c>,
/// <c>tools</c> and <c>documents</c> none. When the model's tokenizer adds BOS itself, a BOS the template writes first is
/// dropped, as llama.cpp does, so the prompt starts with one BOS, not two.
/// </summary>
public sealed class JinjaChatTemplate : IChatTemplate
{
    private readonly JinjaTemplate template;
    private readonly string? bos;
    private readonly string? eos;
    private readonly bool dropLeadingBos;

    /// <param name="text">The template.</param>
    /// <param name="source">Where it comes from, for results and messages.</param>
    /// <param name="bosToken">The text of the model's BOS token, or null when unknown (the template sees it undefined).</param>
    /// <param name="eosToken">The text of the model's EOS token, or null when unknown.</param>
    /// <param name="dropLeadingBos">Whether the tokenizer adds BOS, so that a leading BOS in the output is removed.</param>
    /// <exception cref="ChatTemplateException">A syntax error or a construct the interpreter does not support, naming its line.</exception>
    public JinjaChatTemplate(string text, string source, string? bosToken = null, string? eosToken = null, bool dropLeadingBos = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Source = source;
        (bos, eos, this.dropLeadingBos) = (bosToken, eosToken, dropLeadingBos);
        try
        {
            template = JinjaTemplate.Parse(text);
        }
        catch (JinjaException e)
        {
            throw new ChatTemplateException($"the chat template of {source} cannot be used: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public string Source { get; }

    /// <inheritdoc />
    public string Text { get; }

    /// <inheritdoc />
    public string Render(IReadOnlyList<ChatMessage> messages, bool addGenerationPrompt)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["messages"] = messages.Select(m => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["role"] = m.Role.Value,
                ["content"] = m.Text,
            }).ToList(),
            ["add_generation_prompt"] = addGenerationPrompt,
            ["tools"] = null,
            ["documents"] = null,
        };
        if (bos is not null)
        {
            variables["bos_token"] = bos;
        }

        if (eos is not null)
        {
            variables["eos_token"] = eos;
        }

        string text;
        try
        {
            text = template.Render(variables);
        }
        catch (JinjaRaisedException e)
        {
            throw new ChatTemplateException($"the chat template of {Source} refused the messages: {e.Reason}", e) { RefusedMessages = true };
        }
        catch (JinjaException e)
        {
            throw new ChatTemplateException($"the chat template of {Source} failed: {e.Message}", e);
        }

        return dropLeadingBos && !string.IsNullOrEmpty(bos) && text.StartsWith(bos, StringComparison.Ordinal) ? text[bos.Length..] : text;
    }
}
