using System.Globalization;
using MmluSharp.Models;
using MmluSharp.OpenAI.Wire;

namespace MmluSharp.OpenAI.Scoring;

/// <summary>
/// Letter scoring over <c>/v1/completions</c>, as Hendrycks' evaluate.py did against GPT-3: one greedy token with
/// its top log-probabilities, and each continuation (<c>" A"</c> …) looked up by exact, ordinal token text.
/// </summary>
internal sealed class CompletionsLetterModel(EndpointOptions options) : EndpointModel(options)
{
    public const string Path = "completions";

    public override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["endpoint"] = EndpointList,
        ["api"] = "completions",
        ["model"] = Options.Model,
        ["max_tokens"] = "1",
        ["logprobs"] = Options.TopLogprobs.ToString(CultureInfo.InvariantCulture),
        ["temperature"] = "0",
        ["floor_logprob"] = Options.FloorLogprob.ToString("R", CultureInfo.InvariantCulture),
    };

    protected override async Task<ScoredRequest> ScoreOneAsync(ScoreRequest request, CancellationToken cancellationToken)
    {
        var body = new CompletionRequest(Options.Model, request.Prompt.Text, 1, Options.TopLogprobs, 0);
        var (response, candidates) = await PostAsync(
            Path,
            body,
            WireJson.Default.CompletionRequest,
            (answer, url) => (answer, TopLogprobs.FirstPosition(answer.Choices is [var choice, ..] ? choice.Logprobs : null) ?? throw NoLogprobs(url)),
            cancellationToken).ConfigureAwait(false);
        var scores = new double[request.Continuations.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            var continuation = request.Continuations[i];
            var found = TopLogprobs.Best(candidates, token => string.Equals(token, continuation, StringComparison.Ordinal));
            if (found is null)
            {
                Counters.FloorLetter();
            }

            scores[i] = found ?? Options.FloorLogprob;
        }

        return new ScoredRequest(request.Id, scores, request.Prompt.Shots.Count, response.Usage?.Total ?? 0);
    }
}
