namespace MmluSharp.OpenAI.Tests;

/// <summary>How the fake server lays out <c>/v1/completions</c> log-probabilities.</summary>
public enum LogprobShape
{
    /// <summary>OpenAI legacy: <c>logprobs.top_logprobs[0] = {token: logprob}</c>.</summary>
    Legacy,

    /// <summary>llama-server: <c>logprobs.content[0].top_logprobs[] = {token, logprob}</c>.</summary>
    Chat,

    /// <summary>No <c>logprobs</c> at all, as a server that ignores the parameter.</summary>
    None,
}
