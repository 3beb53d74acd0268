using Microsoft.Extensions.AI;

namespace MmluSharp.Prompting.Chat;

/// <summary>
/// Renders prompts as lm-evaluation-harness' <c>fewshot_context</c> does under a chat template: the system message is
/// the system instruction and the task description (the prompt's header) joined by the few-shot delimiter; the examples
/// and the question make one user message, or with <c>fewshot_as_multiturn</c> each example is a user turn (its question)
/// and an assistant turn (its answer alone) before the question's own user turn; the template then opens the assistant's
/// turn. Letter continuations lose their leading space (lm-eval's target delimiter is empty under a chat template), so
/// the letter follows the assistant turn's opening. A template that refuses a system message (<c>raise_exception</c>) is
/// asked again without it, as lm-eval's Hugging Face model does. Without a template a system instruction is put before
/// the description as text. The rendered prompt keeps a header, shots and query of its own (found by rendering with each
/// number of shots), so an engine can still share the prefix and drop the last shots to fit the context.
/// </summary>
internal sealed class ChatPrompts(ChatPromptOptions options)
{
    private const string FewShotDelimiter = "\n\n";

    /// <summary>How many prompts were rendered without their system message because the template refused it.</summary>
    public int SystemDropped { get; private set; }

    /// <summary>The question with its prompt rendered and its continuations adjusted; the same question when nothing applies.</summary>
    /// <exception cref="ChatTemplateException">The template cannot render the prompt.</exception>
    /// <exception cref="ArgumentException">Multi-turn examples were asked for a prompt that has no turns.</exception>
    public PromptedQuestion Apply(PromptedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var prompt = question.Prompt;
        var system = System(prompt.Header);
        if (options.Template is not { } template)
        {
            return system is null || options.SystemInstruction is null
                ? question
                : question with { Prompt = prompt with { Header = system } };
        }

        if (options.FewShotAsMultiturn && prompt.Shots.Count > 0 && prompt.Turns is not { } turns)
        {
            throw new ArgumentException("--fewshot-as-multiturn: these prompts come without their examples as turns (pre-rendered prompts).");
        }

        var renders = Enumerable.Range(0, prompt.Shots.Count + 1).Select(k => Render(template, Messages(prompt, system, k))).ToList();
        var rendered = ChatPromptSplit.Of(renders) ?? Prompt.PreRendered(renders[^1]);
        return question with
        {
            Prompt = rendered with { Templated = true },
            Continuations = [.. question.Continuations.Select(c => c.StartsWith(PromptStyle.TargetDelimiter, StringComparison.Ordinal) ? c[PromptStyle.TargetDelimiter.Length..] : c)],
        };
    }

    /// <summary>lm-eval's system prompt: the instruction and the description joined by the few-shot delimiter, either alone, or null.</summary>
    private string? System(string description) => (options.SystemInstruction, description.Length > 0) switch
    {
        ({ } instruction, true) => instruction + FewShotDelimiter + description,
        ({ } instruction, false) => instruction,
        (null, true) => description,
        _ => null,
    };

    private List<ChatMessage> Messages(Prompt prompt, string? system, int shots)
    {
        var messages = new List<ChatMessage>();
        if (system is not null)
        {
            messages.Add(new ChatMessage(ChatRole.System, system));
        }

        if (options.FewShotAsMultiturn)
        {
            foreach (var turn in prompt.Turns?.Take(shots) ?? [])
            {
                messages.Add(new ChatMessage(ChatRole.User, turn.User));
                messages.Add(new ChatMessage(ChatRole.Assistant, turn.Assistant));
            }

            messages.Add(new ChatMessage(ChatRole.User, prompt.Query));
        }
        else
        {
            messages.Add(new ChatMessage(ChatRole.User, string.Concat(prompt.Shots.Take(shots)) + prompt.Query));
        }

        return messages;
    }

    private string Render(IChatTemplate template, List<ChatMessage> messages)
    {
        try
        {
            return template.Render(messages, addGenerationPrompt: true);
        }
        catch (ChatTemplateException e) when (e.RefusedMessages && messages.Any(m => m.Role == ChatRole.System))
        {
            SystemDropped++;
            return template.Render([.. messages.Where(m => m.Role != ChatRole.System)], addGenerationPrompt: true);
        }
    }
}
