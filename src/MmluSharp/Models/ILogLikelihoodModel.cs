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
    /// <param name="requests">The prompts and their continuations.</param>
    /// <param name="cancellationToken">Stops scoring; answers already yielded stand.</param>
    IAsyncEnumerable<ScoreResponse> ScoreAsync(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken = default);

    /// <summary>
    /// An object of <paramref name="serviceType"/> the model offers, or null, as <c>IChatClient.GetService</c>: e.g. the
    /// <see cref="Results.ModelDescription"/> results record (a file's size and SHA-256, an endpoint's parameters) or the
    /// <see cref="Results.ApiUsage"/> of a served model. By default the model itself when it is of that type.
    /// </summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <param name="serviceKey">An optional key to tell services of one type apart.</param>
    object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }
}
