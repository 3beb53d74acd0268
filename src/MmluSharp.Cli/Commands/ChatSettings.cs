using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

/// <summary>lm-evaluation-harness' chat options, shared by <c>run</c> and <c>prompts</c>.</summary>
internal class ChatSettings : DataSettings
{
    [CommandOption("--chat-template [TEMPLATE]")]
    [Description("Render each prompt as a conversation, as lm-evaluation-harness' --apply_chat_template: the description (and --system-instruction) as the system message, the examples and the question as the user's message, then the opening of the assistant's turn, after which the answer is generated or the letter scored (without its leading space). Alone: the model's own template (tokenizer.chat_template in the GGUF). Or a llama.cpp built-in template by name (chatml, llama3, gemma, mistral-v7, phi3, …), or a file: a Jinja chat template or a tokenizer_config.json (whose chat_template, bos_token and eos_token are used). Off by default. With --endpoint the template is rendered here and sent to /v1/completions.")]
    public FlagValue<string>? ChatTemplate { get; init; }

    [CommandOption("--system-instruction <TEXT>")]
    [Description("Put before the task's description, as lm-evaluation-harness' --system_instruction: in the system message with --chat-template, else as text, followed by a blank line.")]
    public string? SystemInstruction { get; init; }

    [CommandOption("--fewshot-as-multiturn")]
    [Description("With --chat-template: each example becomes a user turn (its question) and an assistant turn (its answer), as lm-evaluation-harness' --fewshot_as_multiturn.")]
    public bool FewShotAsMultiturn { get; init; }

    /// <summary>Whether --chat-template was given (with or without a value).</summary>
    public bool ChatTemplateGiven => ChatTemplate?.IsSet == true;

    public override ValidationResult Validate()
    {
        if (FewShotAsMultiturn && !ChatTemplateGiven)
        {
            return ValidationResult.Error("--fewshot-as-multiturn needs --chat-template (as lm-evaluation-harness' --fewshot_as_multiturn needs --apply_chat_template).");
        }

        return base.Validate();
    }
}
