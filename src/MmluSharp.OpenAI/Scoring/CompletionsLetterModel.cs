using System.Globalization;
using MmluSharp.Models;
using MmluSharp.OpenAI.Http;
using MmluSharp.OpenAI.Wire;

namespace MmluSharp.OpenAI.Scoring;

/// <summary>
/// Letter scoring over <c>/v1/completions</c>, as Hendrycks' evaluate.py did against GPT-3: one greedy token with
/// its top log-probabilities, and each continuation (<c>" A"</c> …) looked up by exact, ordinal token text (evaluate.py
/// reads <c>top_logprobs[-1][" A"]</c>); <c>"A"</c> without the space, <c>" a"</c> or <c>"A."</c> are other tokens.
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

    protected override string Remedy =>
        "Ask for more alternatives (--top-logprobs 100; OpenAI allows 5), use --scoring chat-letter for a chat model that " +
        "answers \"A\" without the space, or --scoring generate.";

    protected override string MatchRule(IReadOnlyList<string> continuations) =>
        "exactly " + string.Join(" ", continuations.Select(c => ServerText.Quote(c)));

    protected override Task<LetterAnswer> ScoreOneAsync(ScoreRequest request, CancellationToken cancellationToken) =>
        AskAsync(
            Path,
            new CompletionRequest(Options.Model, request.Prompt.Text, 1, Options.TopLogprobs, 0),
            WireJson.Default.CompletionRequest,
            request,
            (token, continuation) => string.Equals(token, continuation, StringComparison.Ordinal),
            cancellationToken);
}
