namespace MmluSharp.OpenAI.Http;

/// <summary>
/// Put on a request (under <see cref="Key"/>) by an adapter that validates answers itself: the
/// <see cref="CachingHandler"/> then defers storing the answer until the adapter calls <see cref="Commit"/>,
/// so an answer the adapter rejects (no log-probabilities, not OpenAI-shaped) is never cached.
/// </summary>
internal sealed class CacheCommit
{
    /// <summary>The request option under which the handler looks for the commit.</summary>
    public static readonly HttpRequestOptionsKey<CacheCommit> Key = new("MmluSharp.OpenAI.CacheCommit");

    private Action? pending;

    /// <summary>Stores the deferred answer, if any; later calls do nothing.</summary>
    public void Commit() => Interlocked.Exchange(ref pending, null)?.Invoke();

    /// <summary>Called by the handler with the store to run on <see cref="Commit"/>.</summary>
    internal void Defer(Action store) => pending = store;
}
