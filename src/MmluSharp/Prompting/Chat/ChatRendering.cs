using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Prompting.Chat;

/// <summary>
/// A plan's questions under <see cref="EvaluationOptions.Chat"/>: every prompt rendered as a conversation
/// (<see cref="ChatPrompts"/>), what results record about it, and what it adds to the run's identity (the template's and
/// the instruction's SHA-256 and the multi-turn choice), so a run folder is never resumed with another rendering.
/// </summary>
internal static class ChatRendering
{
    public static (IReadOnlyList<PromptedQuestion> Questions, IReadOnlyDictionary<string, string> Settings, ChatSetup? Chat, int SystemDropped) Apply(
        ChatPromptOptions? options, IReadOnlyList<PromptedQuestion> questions, IReadOnlyDictionary<string, string> settings)
    {
        if (options is null || options.IsPlain)
        {
            return (questions, settings, null, 0);
        }

        var prompts = new ChatPrompts(options);
        List<PromptedQuestion> rendered = [.. questions.Select(prompts.Apply)];
        var template = options.Template;
        var sha = template is null ? null : PromptHash.Of(template.Text);
        var identity = new Dictionary<string, string>(settings, StringComparer.Ordinal);
        if (sha is not null)
        {
            identity["chat_template"] = sha;
            identity["fewshot_as_multiturn"] = options.FewShotAsMultiturn ? "true" : "false";
        }

        if (options.SystemInstruction is { } instruction)
        {
            identity["system_instruction"] = PromptHash.Of(instruction);
        }

        var chat = new ChatSetup(template?.Source, sha, template?.Text, options.SystemInstruction, template is not null && options.FewShotAsMultiturn);
        return (rendered, identity, chat, prompts.SystemDropped);
    }
}
