using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using MmluSharp.Models.Generation;
using MmluSharp.Prompting;
using MmluSharp.Prompting.Chat;

namespace MmluSharp.LlamaCpp.Chat;

/// <summary>
/// A loaded GGUF model as a Microsoft.Extensions.AI chat client: the messages (with <see cref="ChatOptions.Instructions"/>
/// as a leading system message) are rendered by the chat template and the reply is generated greedily, or sampled when
/// <see cref="ChatOptions.Temperature"/> is above 0 (with <see cref="ChatOptions.TopP"/>, <see cref="ChatOptions.TopK"/>
/// and <see cref="ChatOptions.Seed"/>), up to <see cref="ChatOptions.MaxOutputTokens"/> and the first of
/// <see cref="ChatOptions.StopSequences"/>. Streaming yields the whole reply as one update. Through
/// <c>GetService</c> it also takes many rendered prompts at once (<see cref="IPromptGenerator"/>), which generative
/// scoring uses to decode questions side by side. Calls are serialised by the model; disposing the client leaves the model loaded.
/// </summary>
internal sealed class LlamaCppChatClient(LlamaCppModel model, Func<IChatTemplate?> findTemplate) : IChatClient, IPromptGenerator
{
    // Found on the first chat call: generative scoring sends prompts it rendered itself and needs no template.
    private readonly Lazy<IChatTemplate?> template = new(findTemplate);

    /// <summary>A client rendering with <paramref name="template"/> (null: completing a single user message's text).</summary>
    public LlamaCppChatClient(LlamaCppModel model, IChatTemplate? template)
        : this(model, () => template)
    {
    }

    /// <summary>The reply limit when <see cref="ChatOptions.MaxOutputTokens"/> is not set.</summary>
    public const int DefaultMaxOutputTokens = 512;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = Request(messages, options);
        GeneratedReply? reply = null;
        await foreach (var generated in model.GenerateAsync([request], 1, cancellationToken).ConfigureAwait(false))
        {
            reply = generated;
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, reply!.Text))
        {
            ModelId = model.Info.Name,
            FinishReason = reply.Finish == GenerationFinish.Length ? ChatFinishReason.Length : ChatFinishReason.Stop,
            Usage = new UsageDetails
            {
                InputTokenCount = reply.PromptTokens,
                OutputTokenCount = reply.GeneratedTokens,
                TotalTokenCount = reply.PromptTokens + reply.GeneratedTokens,
            },
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public IAsyncEnumerable<GeneratedReply> GenerateAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken = default) =>
        model.GenerateAsync(requests, null, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("llama.cpp", null, model.Info.Name)
            : serviceType == typeof(LlamaCppModel) ? model
            : serviceType == typeof(Results.ModelDescription) ? model.Description
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The model belongs to the caller.
    }

    private GenerationRequest Request(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages.ToList();
        if (options?.Instructions is { } instructions)
        {
            list.Insert(0, new ChatMessage(ChatRole.System, instructions));
        }

        Prompt prompt;
        if (template.Value is { } chat)
        {
            prompt = Prompt.PreRendered(chat.Render(list, addGenerationPrompt: true)) with { Templated = true };
        }
        else if (list is [{ } only] && only.Role == ChatRole.User)
        {
            // No chat template: one user message is the prompt as it stands (a completion).
            prompt = Prompt.PreRendered(only.Text);
        }
        else
        {
            throw new NotSupportedException($"{model.Info.Name} has no chat template: give one to AsIChatClient, or send a single user message to complete its text.");
        }

        var sampling = options?.Temperature is > 0 and var temperature
            ? new Sampling(temperature, options.Seed ?? 0, options.TopK, options.TopP)
            : null;
        return new GenerationRequest("chat", prompt, options?.MaxOutputTokens ?? DefaultMaxOutputTokens, [.. options?.StopSequences ?? []], sampling);
    }
}
