using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MmluSharp.IO;
using MmluSharp.Models;
using MmluSharp.Results;
using MmluSharp.Scoring;
using MmluSharp.OpenAI.Http;
using MmluSharp.OpenAI.Wire;

namespace MmluSharp.OpenAI.Scoring;

/// <summary>
/// What both letter adapters share: requests fanned out <see cref="EndpointOptions.Concurrency"/> at a time, each
/// answer checked (log-probabilities finite) before it is used or cached, the letters looked up among the first
/// position's alternatives, and answers yielded as they come once the first ones have shown that the server lists
/// the letters at all (<see cref="LetterWindow"/>). HTTP failures arrive as one-line <see cref="EndpointException"/>s.
/// </summary>
internal abstract class EndpointModel : IEndpointModel
{
    private const int ShownAlternatives = 8;
    private readonly HttpPipeline pipeline;
    private LetterWindow? window;

    protected EndpointModel(EndpointOptions options)
    {
        pipeline = new HttpPipeline(options);
        Info = new ModelInfo(options.Model, null, 0);
    }

    public ModelInfo Info { get; }

    public EndpointStatistics Statistics => pipeline.Counters.Snapshot();

    public abstract IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The model as results describe it (its request parameters), and the traffic counters.</summary>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ModelDescription) ? new ModelDescription(Options.Model, null, null, null, Settings)
            : serviceType == typeof(ApiUsage) ? Statistics.ToUsage()
            : serviceType == typeof(EndpointStatistics) ? Statistics
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    protected EndpointOptions Options => pipeline.Options;

    /// <summary>The endpoints as results record them (without user-info).</summary>
    protected string EndpointList => string.Join(",", pipeline.Endpoints.Bases.Select(b => b.AbsoluteUri));

    /// <summary>How this adapter matches a letter, for the message when none matches (e.g. <c>exactly " A" … " D"</c>).</summary>
    protected abstract string MatchRule(IReadOnlyList<string> continuations);

    /// <summary>What to try when the server lists none of the letters.</summary>
    protected abstract string Remedy { get; }

    private LetterWindow Window => window ??= new LetterWindow(Stop);

    public async IAsyncEnumerable<ScoreResponse> ScoreAsync(
        IReadOnlyList<ScoreRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // While the window is open, no more requests are sent than it judges: a server it stops costs at most its size.
        var judged = Window.IsOpen ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        var first = judged is null ? requests.Count : Math.Min(LetterWindow.Size, requests.Count);
        async Task Produce(Func<IEnumerable<ScoreRequest>, Task> send, CancellationToken stop)
        {
            await send(requests.Take(first)).ConfigureAwait(false);
            if (first < requests.Count)
            {
                await judged!.Task.WaitAsync(stop).ConfigureAwait(false);
                await send(requests.Skip(first)).ConfigureAwait(false);
            }
        }

        // A failure of the requests (an EndpointException) comes before judging a window it cut short.
        var answers = FanOut.RunAsync<ScoreRequest, LetterAnswer>(Options.Concurrency, Options.Concurrency * 4, ScoreOneAsync, Produce, cancellationToken);
        await foreach (var answer in answers.ConfigureAwait(false))
        {
            foreach (var released in Window.Admit(answer))
            {
                yield return released.Scored;
            }

            if (!Window.IsOpen)
            {
                judged?.TrySetResult();
            }
        }

        foreach (var released in Window.Close())
        {
            yield return released.Scored;
        }
    }

    public void Dispose()
    {
        pipeline.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sends one request and scores its answer.</summary>
    protected abstract Task<LetterAnswer> ScoreOneAsync(ScoreRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// POSTs <paramref name="body"/> to <paramref name="path"/> and scores each of <paramref name="request"/>'s
    /// continuations by the best first-position alternative <paramref name="matches"/> accepts, or the floor. The answer
    /// is cached only once it has been read.
    /// </summary>
    protected async Task<LetterAnswer> AskAsync<T>(
        string path, T body, JsonTypeInfo<T> type, ScoreRequest request, Func<string, string, bool> matches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (url, answer, commit) = await pipeline.PostAsync(path, body, type, LogprobCheck.Problem, cancellationToken).ConfigureAwait(false);
        var candidates = TopLogprobs.FirstPosition(answer.Choices is [var choice, ..] ? choice.Logprobs : null) ?? throw NoLogprobs(url);
        var scores = new double[request.Continuations.Count];
        var floored = new List<int>();
        for (var i = 0; i < scores.Length; i++)
        {
            var continuation = request.Continuations[i];
            var found = TopLogprobs.Best(candidates, token => matches(token, continuation));
            if (found is null)
            {
                pipeline.Counters.FloorLetter();
                floored.Add(i);
            }

            scores[i] = found ?? Options.FloorLogprob;
        }

        commit.Commit();
        var scored = new ScoreResponse(request.Id, scores, request.Prompt.Shots.Count, answer.Usage?.Total ?? 0, Floored: floored.Count > 0 ? floored : null);
        var returned = floored.Count == scores.Length
            ? candidates.OrderByDescending(c => c.Logprob).Select(c => c.Token).Distinct(StringComparer.Ordinal).ToList()
            : [];
        return new LetterAnswer(scored, url, request.Continuations, floored.Count == scores.Length, returned);
    }

    /// <summary>The exception for a server whose answer has no log-probabilities.</summary>
    private EndpointException NoLogprobs(Uri url) => pipeline.Redactor.Fail(
        $"{url} returned no log-probabilities; this server cannot be used with --scoring letter; use --scoring generate");

    /// <summary>The one line that stops a session whose first answers list no letter (see <see cref="LetterWindow"/>).</summary>
    private EndpointException Stop(LetterAnswer example, int letterless, int seen)
    {
        var shown = string.Join(", ", example.Returned.Take(ShownAlternatives).Select(t => ServerText.Quote(t)));
        var more = example.Returned.Count > ShownAlternatives ? ", …" : string.Empty;
        return pipeline.Redactor.Fail(
            $"{example.Url}: none of the letters ({MatchRule(example.Continuations)}) was among the {Options.TopLogprobs} alternatives for the " +
            $"first token in {letterless} of the first {seen} answers, so every prediction would be A (chance-level scores); " +
            $"the server listed {shown}{more} instead. {Remedy}");
    }
}
