using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using MmluSharp.Scoring;

namespace MmluSharp.Models;

/// <summary>
/// Remembers the inner model's answers in memory, keyed by the whole prompt and its continuations: a request asked
/// again (the same plan evaluated twice, runs that share questions) is answered without the model, with
/// <see cref="ScoreResponse.TokensDecoded"/> 0. Only the requests not yet seen reach the inner model, in one call.
/// Use it over a model that does not change; a model being trained gives other answers after each step.
/// </summary>
public sealed class CachingLogLikelihoodModel : DelegatingLogLikelihoodModel
{
    private readonly ConcurrentDictionary<string, ScoreResponse> answers = new(StringComparer.Ordinal);

    /// <summary>Caches the answers of <paramref name="innerModel"/>.</summary>
    /// <param name="innerModel">The model asked on a miss; disposed with this one.</param>
    public CachingLogLikelihoodModel(ILogLikelihoodModel innerModel)
        : base(innerModel)
    {
    }

    /// <summary>Answers remembered so far.</summary>
    public int Count => answers.Count;

    /// <inheritdoc />
    public override async IAsyncEnumerable<ScoreResponse> ScoreAsync(
        IReadOnlyList<ScoreRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var missing = new List<ScoreRequest>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            var key = KeyOf(request);
            if (answers.TryGetValue(key, out var known))
            {
                yield return known with { Id = request.Id, TokensDecoded = 0 };
            }
            else
            {
                missing.Add(request);
                keys[request.Id] = key;
            }
        }

        if (missing.Count == 0)
        {
            yield break;
        }

        await foreach (var answer in InnerModel.ScoreAsync(missing, cancellationToken).ConfigureAwait(false))
        {
            if (keys.TryGetValue(answer.Id, out var key))
            {
                answers[key] = answer;
            }

            yield return answer;
        }
    }

    /// <summary>Removes every remembered answer.</summary>
    public void Clear() => answers.Clear();

    /// <summary>SHA-256 over the prompt's parts and the continuations, each length-prefixed so no two requests collide by concatenation.</summary>
    private static string KeyOf(ScoreRequest request)
    {
        var text = new StringBuilder();
        Append(text, request.Prompt.Header);
        text.Append(request.Prompt.Shots.Count).Append(':');
        foreach (var shot in request.Prompt.Shots)
        {
            Append(text, shot);
        }

        Append(text, request.Prompt.Query);
        foreach (var continuation in request.Continuations)
        {
            Append(text, continuation);
        }

        return PromptHash.Of(text.ToString());
    }

    private static void Append(StringBuilder text, string part) =>
        text.Append(part.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(part);
}
