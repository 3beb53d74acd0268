using System.Globalization;
using MmluSharp.Models;
using MmluSharp.OpenAI.Http;
using MmluSharp.OpenAI.Wire;

namespace MmluSharp.OpenAI.Scoring;

/// <summary>
/// Letter scoring over <c>/v1/chat/completions</c>: the prompt, a blank line and
/// <see cref="EndpointOptions.ChatInstruction"/> as one user message; one greedy token with its top
/// log-probabilities. The answer is the assistant's first token, where the letter is normally spelt without a space
/// (<c>"A"</c>, as lm-evaluation-harness scores it under <c>--apply_chat_template</c>, its target delimiter then
/// being empty); llama-server lists a SentencePiece <c>▁A</c> as <c>" A"</c>. So each letter takes the best token
/// equal to it once surrounding whitespace is trimmed, case-sensitively: <c>"a"</c> or <c>"A."</c> are not the letter.
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

    protected override string Remedy =>
        "Ask for more alternatives (--top-logprobs; OpenAI allows 20), or use --scoring generate, which reads the letter from the answer's text.";

    /// <summary>The user message sent for <paramref name="prompt"/>.</summary>
    public static string UserMessage(string prompt, string instruction) => prompt + "\n\n" + instruction;

    protected override string MatchRule(IReadOnlyList<string> continuations) =>
        string.Join(" ", continuations.Select(c => ServerText.Quote(c.Trim()))) + ", spaces around them allowed";

    protected override Task<LetterAnswer> ScoreOneAsync(ScoreRequest request, CancellationToken cancellationToken) =>
        AskAsync(
            Path,
            new ChatRequest(Options.Model, [new ChatMessage("user", UserMessage(request.Prompt.Text, Options.ChatInstruction))], 1, true, Options.TopLogprobs, 0),
            WireJson.Default.ChatRequest,
            request,
            (token, continuation) => string.Equals(token.Trim(), continuation.Trim(), StringComparison.Ordinal),
            cancellationToken);
}
