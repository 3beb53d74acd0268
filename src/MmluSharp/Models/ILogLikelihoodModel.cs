namespace MmluSharp.Models;

/// <summary>
/// The one model capability .NET has no standard for: the log-likelihood of continuations of a prompt.
/// Requests arrive in bulk so an engine can share work between those with the same prefix.
/// </summary>
public interface ILogLikelihoodModel : IDisposable
{
    /// <summary>What the model says about itself.</summary>
    ModelInfo Info { get; }

    /// <summary>Scores every request; answers may come in any order, each carrying its request's id.</summary>
    IAsyncEnumerable<ScoredRequest> ScoreAsync(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken = default);
}
