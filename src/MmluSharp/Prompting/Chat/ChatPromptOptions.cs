namespace MmluSharp.Prompting.Chat;

/// <summary>lm-evaluation-harness' <c>--apply_chat_template</c>, <c>--system_instruction</c> and <c>--fewshot_as_multiturn</c>.</summary>
/// <param name="Template">Renders the prompt as a conversation; null: the prompt stays plain text.</param>
/// <param name="SystemInstruction">Put before the task's description (as the system message with a template, as text without).</param>
/// <param name="FewShotAsMultiturn">Each example its own user and assistant turns (needs a template).</param>
public sealed record ChatPromptOptions(IChatTemplate? Template, string? SystemInstruction = null, bool FewShotAsMultiturn = false)
{
    /// <summary>Whether anything changes the plain prompt.</summary>
    public bool IsPlain => Template is null && SystemInstruction is null;
}
