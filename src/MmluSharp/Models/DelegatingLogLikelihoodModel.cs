namespace MmluSharp.Models;

/// <summary>
/// A log-likelihood model that passes every call to an inner one, as Microsoft.Extensions.AI's
/// <c>DelegatingChatClient</c> does for chat: derive from it to add behaviour around a model (caching, counting,
/// logging) and override only what changes.
/// </summary>
public class DelegatingLogLikelihoodModel : ILogLikelihoodModel
{
    /// <summary>Wraps <paramref name="innerModel"/>.</summary>
    /// <param name="innerModel">The model calls go to; disposed with this one.</param>
    protected DelegatingLogLikelihoodModel(ILogLikelihoodModel innerModel)
    {
        ArgumentNullException.ThrowIfNull(innerModel);
        InnerModel = innerModel;
    }

    /// <summary>The model calls go to.</summary>
    protected ILogLikelihoodModel InnerModel { get; }

    /// <inheritdoc />
    public virtual ModelInfo Info => InnerModel.Info;

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ScoreResponse> ScoreAsync(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken = default) =>
        InnerModel.ScoreAsync(requests, cancellationToken);

    /// <summary>This model when it is of <paramref name="serviceType"/>, else what the inner model offers.</summary>
    /// <param name="serviceType">The type asked for.</param>
    /// <param name="serviceKey">An optional key to tell services of one type apart.</param>
    /// <returns>The service, or null.</returns>
    public virtual object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : InnerModel.GetService(serviceType, serviceKey);
    }

    /// <summary>Disposes the inner model.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the inner model when <paramref name="disposing"/>.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            InnerModel.Dispose();
        }
    }
}
