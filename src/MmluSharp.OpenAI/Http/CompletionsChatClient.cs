using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using MmluSharp.OpenAI.Wire;
using MmluSharp.Results;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// A Microsoft.Extensions.AI chat client over <c>/v1/completions</c>: its one user message is the prompt, sent as it
/// stands (already rendered, e.g. by a chat template on this side), and the reply is the completion's text, cut before
/// the first stop sequence as lm-evaluation-harness cuts it (in case the server does not). Goes through the same
/// pipeline as the letter adapters (retries, cache, rate limit, one-line redacted failures).
/// </summary>
internal sealed class CompletionsChatClient(HttpPipeline pipeline) : IChatClient
{
    private const string Path = "completions";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.ToList() is not [{ } only] || only.Role != ChatRole.User)
        {
            throw new NotSupportedException("/v1/completions takes one prompt: send it as a single user message (render a conversation with a chat template first).");
        }

        IReadOnlyList<string>? stop = options?.StopSequences is { Count: > 0 } given ? [.. given] : null;
        var body = new CompletionRequest(
            options?.ModelId ?? pipeline.Options.Model, only.Text, options?.MaxOutputTokens ?? 256, null, options?.Temperature ?? 0, stop, options?.Seed, options?.TopP);
        var (url, answer, commit) = await pipeline.PostAsync(Path, body, WireJson.Default.CompletionRequest, null, cancellationToken).ConfigureAwait(false);
        var text = answer.Choices is [{ Text: { } t }, ..] ? t : throw pipeline.Redactor.Fail($"{url} answered without a completion's \"text\"; is it a /v1/completions endpoint?");
        commit.Commit();
        foreach (var sequence in stop ?? [])
        {
            if (sequence.Length > 0 && text.IndexOf(sequence, StringComparison.Ordinal) is var at and >= 0)
            {
                text = text[..at];
            }
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = body.Model,
            Usage = answer.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.PromptTokens, OutputTokenCount = usage.CompletionTokens, TotalTokenCount = usage.Total }
                : null,
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

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EndpointStatistics) ? pipeline.Counters.Snapshot()
            : serviceType == typeof(ApiUsage) ? pipeline.Counters.Snapshot().ToUsage()
            : serviceType == typeof(ModelDescription) ? PipelineChatClient.Describe(pipeline.Options, Path)
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai-compatible", pipeline.Endpoints.Primary, pipeline.Options.Model)
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => pipeline.Dispose();
}
