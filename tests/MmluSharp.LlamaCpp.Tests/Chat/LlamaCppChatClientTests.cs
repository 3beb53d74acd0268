using Microsoft.Extensions.AI;
using MmluSharp.LlamaCpp.Chat;
using MmluSharp.LlamaCpp.Tests.Generation;
using MmluSharp.Models.Generation;
using MmluSharp.Prompting;
using MmluSharp.Prompting.Chat;

namespace MmluSharp.LlamaCpp.Tests.Chat;

/// <summary>A loaded GGUF as a Microsoft.Extensions.AI chat client (<see cref="LlamaCppChatExtensions.AsIChatClient"/>).</summary>
public sealed class LlamaCppChatClientTests
{
    private const string Turns = "{% for m in messages %}<|{{ m.role }}|>\n{{ m.content }}<|end|>\n{% endfor %}{% if add_generation_prompt %}<|assistant|>\n{% endif %}";
    private static readonly IChatTemplate Template = new JinjaChatTemplate(Turns, "test turns");

    [Fact]
    public async Task A_chat_reply_is_the_greedy_generation_from_the_rendered_conversation()
    {
        using var model = Models.Load(Models.Stories);
        using var client = model.AsIChatClient(Template);

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "Tell me a story.")],
            new ChatOptions { Instructions = "You tell stories.", MaxOutputTokens = 12 });

        const string rendered = "<|system|>\nYou tell stories.<|end|>\n<|user|>\nTell me a story.<|end|>\n<|assistant|>\n";
        var direct = (await model.GenerateAllAsync([new GenerationRequest("r", Prompt.PreRendered(rendered) with { Templated = true }, 12, [])]))["r"];
        Assert.Equal(direct.Text, response.Text);
        Assert.Contains(response.Text, char.IsLetter);
        Assert.Equal(ChatRole.Assistant, response.Messages.Single().Role);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(12, response.Usage!.OutputTokenCount);
        Assert.Equal(model.Tokenize(rendered, special: true).Length, response.Usage.InputTokenCount);
        Assert.Equal("stories260K", response.ModelId);
    }

    [Fact]
    public async Task Stop_sequences_cut_the_reply_and_streaming_gives_the_same_text()
    {
        using var model = Models.Load(Models.Stories);
        using var client = model.AsIChatClient();
        ChatMessage[] prompt = [new ChatMessage(ChatRole.User, "Once upon a time")];
        var open = await client.GetResponseAsync(prompt, new ChatOptions { MaxOutputTokens = 30 });
        var word = open.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).First(w => w.Length > 2);

        var stopped = await client.GetResponseAsync(prompt, new ChatOptions { MaxOutputTokens = 30, StopSequences = [word] });
        var streamed = string.Concat(await client.GetStreamingResponseAsync(prompt, new ChatOptions { MaxOutputTokens = 30 }).Select(u => u.Text).ToListAsync());

        Assert.Equal(open.Text[..open.Text.IndexOf(word, StringComparison.Ordinal)], stopped.Text);
        Assert.Equal(ChatFinishReason.Stop, stopped.FinishReason);
        Assert.Equal(open.Text, streamed);
    }

    [Fact]
    public async Task Sampling_with_a_seed_is_reproducible_and_differs_from_greedy()
    {
        using var model = Models.Load(Models.Stories);
        using var client = model.AsIChatClient();
        ChatMessage[] prompt = [new ChatMessage(ChatRole.User, "Once upon a time")];
        ChatOptions Sampled(long seed) => new() { MaxOutputTokens = 24, Temperature = 1.5f, Seed = seed };

        var greedy = await client.GetResponseAsync(prompt, new ChatOptions { MaxOutputTokens = 24 });
        var first = await client.GetResponseAsync(prompt, Sampled(7));
        var again = await client.GetResponseAsync(prompt, Sampled(7));
        var other = await client.GetResponseAsync(prompt, Sampled(8));

        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(greedy.Text, first.Text);
        Assert.NotEqual(first.Text, other.Text);
    }

    [Fact]
    public async Task Without_a_template_only_a_single_user_message_can_be_completed()
    {
        using var model = Models.Load(Models.Stories);
        using var client = model.AsIChatClient();

        var e = await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hi")]));

        Assert.Equal("stories260K has no chat template: give one to AsIChatClient, or send a single user message to complete its text.", e.Message);
        Assert.Equal("llama.cpp", client.GetService<ChatClientMetadata>()!.ProviderName);
        Assert.Same(model, client.GetService<LlamaCppModel>());
    }

    [Fact]
    public void A_built_in_template_renders_as_llama_cpp_writes_it_and_unknown_names_are_not_guessed()
    {
        var chatml = BuiltInChatTemplate.Find("chatml")!;

        var text = chatml.Render([new ChatMessage(ChatRole.System, "S"), new ChatMessage(ChatRole.User, "Q")], addGenerationPrompt: true);

        Assert.Equal("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n", text);
        Assert.Equal("chatml (llama.cpp built-in)", chatml.Source);
        Assert.Contains("llama3", BuiltInChatTemplate.Names);
        Assert.Null(BuiltInChatTemplate.Find("no-such-template"));
        Assert.Null(BuiltInChatTemplate.Find("<|im_start|>"));
    }
}
