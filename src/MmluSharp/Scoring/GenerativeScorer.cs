using MmluSharp.Datasets;
using MmluSharp.Prompting;
using MmluSharp.Results;
using Microsoft.Extensions.AI;

namespace MmluSharp.Scoring;

/// <summary>
/// Generative scoring for models without log-probabilities: any <see cref="IChatClient"/> answers each prompt
/// in text (greedy, stopping where the prompt style's reference stops), and the chosen
/// <see cref="IAnswerExtractor"/> finds the letter. Unparseable answers count as wrong (or get TIGER-Lab's guess)
/// and are counted apart.
/// </summary>
internal sealed class GenerativeScorer(IChatClient client, GenerativeOptions? options = null) : IQuestionScorer
{
    /// <summary>The name written in results for this method.</summary>
    public const string Name = "generate";

    private readonly GenerativeOptions settings = options ?? new GenerativeOptions();

    /// <inheritdoc />
    public string Method => Name;

    /// <inheritdoc />
    public IAsyncEnumerable<ScoredSample> ScoreAsync(IReadOnlyList<PromptedQuestion> questions, CancellationToken cancellationToken = default) =>
        FanOut.RunAsync<PromptedQuestion, ScoredSample>(questions, settings.Concurrency, settings.Concurrency * 2, ScoreOneAsync, cancellationToken);

    /// <inheritdoc />
    public string PromptSha256(PromptedQuestion question, int shotsUsed) => PromptHash.Of(Rendered(question));

    /// <summary>What the model is asked: the whole prompt (every shot) and the instruction.</summary>
    private string Rendered(PromptedQuestion question) => question.Prompt.Text + settings.Instruction;

    private async Task<ScoredSample> ScoreOneAsync(PromptedQuestion item, CancellationToken cancellationToken)
    {
        var prompt = Rendered(item);
        var chat = new ChatOptions { Temperature = 0, MaxOutputTokens = settings.MaxOutputTokens };
        if (settings.StopSequences.Count > 0)
        {
            chat.StopSequences = [.. settings.StopSequences];
        }

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], chat, cancellationToken).ConfigureAwait(false);
        var text = response.Text;
        var question = item.Question;
        var extraction = settings.Extractor.Extract(text, question.Choices.Count);
        var pred = extraction.Index is int index ? Letters.Of(index) : string.Empty;
        var sample = new Sample(
            question.Subject,
            question.Index,
            question.AnswerLetter,
            pred,
            pred == question.AnswerLetter,
            new Dictionary<string, double>(StringComparer.Ordinal),
            item.Prompt.Shots.Count,
            PromptHash.Of(prompt),
            text,
            extraction.Rule,
            question.Rotation,
            question.Choices.Count);
        var tokens = (response.Usage?.InputTokenCount ?? 0) + (response.Usage?.OutputTokenCount ?? 0);
        return new ScoredSample(sample, tokens);
    }
}
