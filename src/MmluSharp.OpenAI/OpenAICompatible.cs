using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using MmluSharp.OpenAI.Http;
using MmluSharp.OpenAI.Scoring;
using OpenAI;

namespace MmluSharp.OpenAI;

/// <summary>
/// Models behind OpenAI-compatible HTTP servers (OpenAI, llama.cpp's llama-server, vLLM, …). Every client made
/// here shares one pipeline design: <see cref="EndpointOptions.Concurrency"/> requests in flight, retries with
/// exponential backoff and jitter on 408/429/5xx/timeouts/dropped connections honouring <c>Retry-After</c>, a
/// per-attempt timeout, an optional requests-per-minute limit, an optional SQLite response cache, and load
/// spread over all <see cref="EndpointOptions.Endpoints"/>.
/// </summary>
public static class OpenAICompatible
{
    /// <summary>
    /// Letter scoring over <c>/v1/completions</c> (evaluate.py's method): <c>max_tokens</c> 1, <c>logprobs</c>
    /// <see cref="EndpointOptions.TopLogprobs"/>, temperature 0; each continuation (<c>" A"</c> …) is looked up
    /// by exact token text among the first position's top log-probabilities, else gets
    /// <see cref="EndpointOptions.FloorLogprob"/>. Accepts OpenAI's legacy shape and llama-server's chat shape.
    /// </summary>
    /// <remarks>Scoring throws <see cref="EndpointException"/> when the server cannot be used.</remarks>
    public static IEndpointModel CompletionsModel(EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CompletionsLetterModel(options);
    }

    /// <summary>
    /// Letter scoring over <c>/v1/chat/completions</c>: the prompt, a blank line and
    /// <see cref="EndpointOptions.ChatInstruction"/> as one user message; <c>max_tokens</c> 1,
    /// <c>logprobs</c> true, <c>top_logprobs</c> <see cref="EndpointOptions.TopLogprobs"/>; each letter takes the
    /// best first-token log-probability among tokens equal to it once whitespace is trimmed, else the floor.
    /// </summary>
    /// <remarks>Scoring throws <see cref="EndpointException"/> when the server cannot be used.</remarks>
    public static IEndpointModel ChatLetterModel(EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChatLetterModel(options);
    }

    /// <summary>
    /// A Microsoft.Extensions.AI chat client over <c>/v1/completions</c>, for prompts rendered on this side (by a chat
    /// template, or plain text): its single user message is sent as the prompt as it stands, and the reply is the
    /// completion's text, cut before the first of <see cref="ChatOptions.StopSequences"/>. Same pipeline, failures and
    /// <c>GetService(typeof(EndpointStatistics))</c> as <see cref="CreateChatClient"/>. Dispose it when done.
    /// </summary>
    public static IChatClient CreateCompletionsClient(EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new CompletionsChatClient(new HttpPipeline(options));
    }

    /// <summary>
    /// A Microsoft.Extensions.AI chat client (OpenAI SDK) whose HTTP goes through the same pipeline (the SDK's own
    /// retries are off): failures arrive as the same one-line, redacted <see cref="EndpointException"/>s as the letter
    /// models', and answer text is redacted. <c>GetService(typeof(EndpointStatistics))</c> returns its counters.
    /// Dispose it when done.
    /// </summary>
    public static IChatClient CreateChatClient(EndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pipeline = new HttpPipeline(options);
        try
        {
            var sdkOptions = new OpenAIClientOptions
            {
                Endpoint = pipeline.Endpoints.Primary,
                Transport = new HttpClientPipelineTransport(pipeline.Client),
                RetryPolicy = new ClientRetryPolicy(0),
                NetworkTimeout = Timeout.InfiniteTimeSpan,
            };
            // The SDK needs a credential; without a key the pipeline removes the placeholder's header before sending.
            var credential = new ApiKeyCredential(options.ResolveApiKey() ?? "no-key");
            var inner = new OpenAIClient(credential, sdkOptions).GetChatClient(options.Model).AsIChatClient();
            return new PipelineChatClient(inner, pipeline);
        }
        catch
        {
            pipeline.Dispose();
            throw;
        }
    }
}
