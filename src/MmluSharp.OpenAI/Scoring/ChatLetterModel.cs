using System.Globalization;
using MmluSharp.Models;
using MmluSharp.OpenAI.Wire;

namespace MmluSharp.OpenAI.Scoring;

/// <summary>
/// Letter scoring over <c>/v1/chat/completions</c>: the prompt, a blank line and
/// <see cref="EndpointOptions.ChatInstruction"/> as one user message; one greedy token with its top
/// log-probabilities; each letter scored by the best token that equals it once whitespace is trimmed.
/// </summary>
internal sealed class ChatLetterModel(EndpointOptions options) : EndpointModel(options)
{
    public const string Path = "chat/completions";

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["endpoint"] = EndpointList,
        ["api"] = "chat/completions",
        ["model"] = Options.Model,
        ["max_tokens"] = "1",
        ["logprobs"] = "true",
        ["top_logprobs"] = Options.TopLogprobs.ToString(CultureInfo.InvariantCulture),
        ["temperature"] = "0",
        ["instruction"] = Options.ChatInstruction,
        ["floor_logprob"] = Options.FloorLogprob.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>The user message sent for <paramref name="prompt"/>.</summary>
    public static string UserMessage(string prompt, string instruction) => prompt + "\n\n" + instruction;

    protected override async Task<ScoredRequest> ScoreOneAsync(ScoreRequest request, CancellationToken cancellationToken)
    {
        var messages = new[] { new ChatMessage("user", UserMessage(request.Prompt.Text, Options.ChatInstruction)) };
        var body = new ChatRequest(Options.Model, messages, 1, true, Options.TopLogprobs, 0);
        var (response, candidates) = await PostAsync(
            Path,
            body,
            WireJson.Default.ChatRequest,
            (answer, url) => (answer, TopLogprobs.FirstPosition(answer.Choices is [var choice, ..] ? choice.Logprobs : null) ?? throw NoLogprobs(url)),
            cancellationToken).ConfigureAwait(false);
        var scores = new double[request.Continuations.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var letter = request.Continuations[i].Trim();
            var found = TopLogprobs.Best(candidates, token => string.Equals(token.Trim(), letter, StringComparison.Ordinal));
            if (found is null)
            {
                Counters.FloorLetter();
            }

            scores[i] = found ?? Options.FloorLogprob;
        }

        return new ScoredRequest(request.Id, scores, request.Prompt.Shots.Count, response.Usage?.Total ?? 0);
    }
}
