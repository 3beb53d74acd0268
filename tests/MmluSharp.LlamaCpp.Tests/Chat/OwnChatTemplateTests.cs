using Microsoft.Extensions.AI;
using MmluSharp.LlamaCpp.Chat;

namespace MmluSharp.LlamaCpp.Tests.Chat;

/// <summary>A GGUF's own chat template (<c>tokenizer.chat_template</c>), with the model's BOS and EOS tokens.</summary>
public sealed class OwnChatTemplateTests : IDisposable
{
    /// <summary>Writes the BOS token first, as Llama-2's template does; the tokenizer adds one already.</summary>
    internal const string Template = "{{ bos_token }}{% for m in messages %}[{{ m.role }}] {{ m.content }}{{ eos_token }}\n{% endfor %}{% if add_generation_prompt %}[assistant] {% endif %}";

    private readonly string _dir = Directory.CreateTempSubdirectory("mmlu-own-template-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_model_s_own_template_renders_with_its_eos_and_without_a_second_bos()
    {
        var path = GgufPatch.Copy(Models.Stories, _dir, "templated.gguf");
        var written = GgufPatch.AddString(path, "tokenizer.chat_template", Template);
        using var model = LlamaCppModel.Load(path, new LlamaCppOptions());

        var template = model.ChatTemplate()!;
        var text = template.Render([new ChatMessage(ChatRole.System, "S"), new ChatMessage(ChatRole.User, "Q")], addGenerationPrompt: true);
        using var client = model.AsIChatClient();
        var reply = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Tell me a story.")], new ChatOptions { MaxOutputTokens = 4 });

        Assert.Equal(written, model.Gguf.ChatTemplate);
        Assert.Equal("templated.gguf (tokenizer.chat_template)", template.Source);
        Assert.Equal("[system] S</s>\n[user] Q</s>\n[assistant] ", text);
        Assert.Equal(model.Tokenize("[user] Tell me a story.</s>\n[assistant] ", special: true).Length, reply.Usage!.InputTokenCount);
        Assert.Equal(4, reply.Usage.OutputTokenCount);
    }
}
