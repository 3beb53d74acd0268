using System.Globalization;
using System.Text.Json;
using MmluSharp.Cli.Commands;
using MmluSharp.LlamaCpp;
using MmluSharp.LlamaCpp.Chat;
using MmluSharp.Prompting.Chat;

namespace MmluSharp.Cli.Composition;

/// <summary>
/// <c>--chat-template</c>, <c>--system-instruction</c> and <c>--fewshot-as-multiturn</c>: finds the template (the model's
/// own, a llama.cpp built-in by name, or a file: a Jinja template or a <c>tokenizer_config.json</c>), renders every
/// prompt of the plan with it through the library (<see cref="EvaluationOptions.Chat"/>), which records the rendering
/// in results and in what identifies the run, so a run is never resumed with another template or instruction.
/// </summary>
internal static class ChatTemplateSetup
{
    /// <summary>The plan with its prompts rendered (<see cref="EvaluationOptions.Chat"/>); the plan unchanged when no option is given.</summary>
    /// <param name="settings">The command's options.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="model">The local model (its own template and special tokens), or null for an endpoint or <c>prompts</c>.</param>
    /// <param name="note">Told when the template refused a system message, which is then left out as lm-evaluation-harness does.</param>
    public static EvaluationPlan Apply(ChatSettings settings, EvaluationPlan plan, LlamaCppModel? model, Action<string> note)
    {
        if (!settings.ChatTemplateGiven && settings.SystemInstruction is null)
        {
            return plan;
        }

        var template = settings.ChatTemplateGiven ? Resolve(settings.ChatTemplate!.Value, model) : null;
        try
        {
            plan = plan.WithOptions(plan.Options with { Chat = new ChatPromptOptions(template, settings.SystemInstruction, settings.FewShotAsMultiturn) });
        }
        catch (ChatTemplateException e)
        {
            throw new ArgumentException("--chat-template: " + e.Message, e);
        }

        if (plan.SystemMessagesDropped > 0)
        {
            note(string.Create(CultureInfo.InvariantCulture,
                $"the chat template refuses a system message; {plan.SystemMessagesDropped} prompts were rendered without theirs (the description and any --system-instruction), as lm-evaluation-harness does"));
        }

        return plan;
    }

    /// <summary>The template <paramref name="value"/> names: empty or <c>model</c> for the model's own, a file, or a built-in name.</summary>
    private static IChatTemplate Resolve(string? value, LlamaCppModel? model)
    {
        try
        {
            if (string.IsNullOrEmpty(value) || value == "model")
            {
                return model is null
                    ? throw new ArgumentException("--chat-template needs a template name or file here (there is no model file to read one from).")
                    : model.ChatTemplate() ?? throw new ArgumentException(
                        $"--chat-template: {Path.GetFileName(model.Gguf.Path)} has no chat template (tokenizer.chat_template); name one of llama.cpp's ({string.Join(", ", BuiltInChatTemplate.Names)}) or give a file.");
            }

            if (File.Exists(value))
            {
                return FromFile(Path.GetFullPath(value), model);
            }

            return BuiltInChatTemplate.Find(value) ?? throw new ArgumentException(
                $"--chat-template {value}: no such file, and not one of llama.cpp's built-in templates ({string.Join(", ", BuiltInChatTemplate.Names)}).");
        }
        catch (ChatTemplateException e)
        {
            throw new ArgumentException("--chat-template: " + e.Message, e);
        }
    }

    /// <summary>A Jinja template, or a tokenizer_config.json's <c>chat_template</c> with its <c>bos_token</c> and <c>eos_token</c>.</summary>
    private static IChatTemplate FromFile(string path, LlamaCppModel? model)
    {
        var text = File.ReadAllText(path);
        var source = "file " + path;
        string? bos = null, eos = null;
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                text = Template(root.GetProperty("chat_template"))
                    ?? throw new ArgumentException($"{path}: its chat_template names no template called default");
                (bos, eos) = (Token(root, "bos_token"), Token(root, "eos_token"));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new ArgumentException($"{path}: not a tokenizer_config.json with a chat_template ({e.Message})", e);
            }
        }

        if (model is not null && bos is null && eos is null)
        {
            return model.ChatTemplate(text, source)!;
        }

        // A server adds BOS to a text prompt itself (llama-server, vLLM): a BOS the template writes first is dropped.
        return new JinjaChatTemplate(text, source, bos, eos, dropLeadingBos: true);
    }

    private static string? Template(JsonElement element) => element.ValueKind == JsonValueKind.String
        ? element.GetString()
        : element.EnumerateArray().FirstOrDefault(t => t.GetProperty("name").GetString() == "default") is { ValueKind: JsonValueKind.Object } named
            ? named.GetProperty("template").GetString()
            : null;

    private static string? Token(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var token) ? null
        : token.ValueKind == JsonValueKind.String ? token.GetString()
        : token.ValueKind == JsonValueKind.Object && token.TryGetProperty("content", out var content) ? content.GetString()
        : null;
}
