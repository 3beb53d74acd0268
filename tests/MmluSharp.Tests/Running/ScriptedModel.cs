using System.Runtime.CompilerServices;
using MmluSharp.Models;

namespace MmluSharp.Tests.Running;

/// <summary>
/// A hand-written fake model: log-probabilities derived from the request id, so every run gives the same
/// numbers; can cancel the run after a number of answers to simulate an interruption.
/// </summary>
internal sealed class ScriptedModel(int cancelAfter = int.MaxValue, CancellationTokenSource? toCancel = null) : ILogLikelihoodModel
{
    public int Answered { get; private set; }

    public ModelInfo Info { get; } = new("scripted", null, 2048);

    public async IAsyncEnumerable<ScoreResponse> ScoreAsync(
        IReadOnlyList<ScoreRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var request in requests)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            var seed = request.Id.Aggregate(17, (h, c) => unchecked((h * 31) + c));
            var logprobs = request.Continuations.Select((_, i) => -1.0 - (((seed >> i) & 7) / 4.0)).ToList();
            Answered++;
            yield return new ScoreResponse(request.Id, logprobs, request.Prompt.Shots.Count, 5);
            if (Answered == cancelAfter)
            {
                toCancel?.Cancel();
            }
        }
    }

    public void Dispose()
    {
    }
}
