using System.Runtime.CompilerServices;
using MmluSharp.Datasets;
using MmluSharp.Models.Generation;
using MmluSharp.Prompting;
using MmluSharp.Results;
using Microsoft.Extensions.AI;

namespace MmluSharp.Scoring;

/// <summary>
/// Generative scoring for models without log-probabilities: any <see cref="IChatClient"/> answers each prompt
/// in text (greedy, stopping where the prompt style's reference stops), and the chosen
/// <see cref="IAnswerExtractor"/> finds the letter. Unparseable answers count as wrong (or get TIGER-Lab's guess)
/// and are counted apart. A client that takes rendered prompts in bulk (a local llama.cpp model, through
/// <c>GetService</c>) gets each subject's questions at once, so it can share their prefix and decode them side by side.
/// </summary>
internal sealed class GenerativeScorer : IQuestionScorer
{
    /// <summary>The name written in results for this method.</summary>
    public const string Name = "generate";

    private readonly IChatClient client;
    private readonly IPromptGenerator? generator;
    private readonly GenerativeOptions settings;

    /// <summary>Scoring through <paramref name="client"/>.</summary>
    public GenerativeScorer(IChatClient client, GenerativeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client;
        generator = client.GetService(typeof(IPromptGenerator)) as IPromptGenerator;
        settings = options ?? new GenerativeOptions();
    }

    /// <inheritdoc />
    public string Method => Name;

    /// <inheritdoc />
    public IAsyncEnumerable<ScoredSample> ScoreAsync(IReadOnlyList<PromptedQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        return generator is not null
            ? GenerateAsync(generator, questions, cancellationToken)
            : FanOut.RunAsync<PromptedQuestion, ScoredSample>(questions, settings.Concurrency, settings.Concurrency * 2, ScoreOneAsync, cancellationToken);
    }

    /// <inheritdoc />
    public string PromptSha256(PromptedQuestion question, int shotsUsed) => PromptHash.Of(Rendered(question, shotsUsed));

    /// <summary>What the model is asked: the prompt with the shots that fit and the instruction.</summary>
    private string Rendered(PromptedQuestion question, int shots) => question.Prompt.Render(shots) + settings.Instruction;

    /// <summary>Every question at once through the client's bulk generator.</summary>
    private async IAsyncEnumerable<ScoredSample> GenerateAsync(
        IPromptGenerator bulk, IReadOnlyList<PromptedQuestion> questions, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var byKey = questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
        var requests = questions.Select(q => new GenerationRequest(q.Key, q.Prompt with { Query = q.Prompt.Query + settings.Instruction }, settings.MaxOutputTokens, settings.StopSequences)).ToList();
        await foreach (var reply in bulk.GenerateAsync(requests, cancellationToken).ConfigureAwait(false))
        {
            var question = byKey[reply.Id];
            yield return new ScoredSample(ToSample(question, reply.Text, reply.ShotsUsed, reply.TruncatedTokens), reply.TokensDecoded);
        }
    }

    private async Task<ScoredSample> ScoreOneAsync(PromptedQuestion item, CancellationToken cancellationToken)
    {
        var prompt = Rendered(item, item.Prompt.Shots.Count);
        var chat = new ChatOptions { Temperature = 0, MaxOutputTokens = settings.MaxOutputTokens };
        if (settings.StopSequences.Count > 0)
        {
            chat.StopSequences = [.. settings.StopSequences];
        }

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], chat, cancellationToken).ConfigureAwait(false);
        var tokens = (response.Usage?.InputTokenCount ?? 0) + (response.Usage?.OutputTokenCount ?? 0);
        return new ScoredSample(ToSample(item, response.Text, item.Prompt.Shots.Count, 0), tokens);
    }

    private Sample ToSample(PromptedQuestion item, string text, int shotsUsed, int truncatedTokens)
    {
        var question = item.Question;
        var extraction = settings.Extractor.Extract(text, question.Choices.Count);
        var pred = extraction.Index is int index ? Letters.Of(index) : string.Empty;
        return new Sample(
            question.Subject,
            question.Index,
            question.AnswerLetter,
            pred,
            pred == question.AnswerLetter,
            new Dictionary<string, double>(StringComparer.Ordinal),
            shotsUsed,
            PromptHash.Of(Rendered(item, shotsUsed)),
            text,
            extraction.Rule,
            question.Rotation,
            question.Choices.Count,
            truncatedTokens);
    }
}
