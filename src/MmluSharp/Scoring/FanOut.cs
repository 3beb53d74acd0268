using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace MmluSharp.Scoring;

/// <summary>
/// Scores items concurrently and yields each result as it finishes, through a bounded channel so the scoring never
/// runs far ahead of the consumer, and stops as soon as the consumer does (an error while saving a sample, Ctrl+C).
/// Shared by generative scoring and the OpenAI package's letter models (linked there as source).
/// </summary>
internal static class FanOut
{
    /// <summary>Scores every item of <paramref name="items"/>, <paramref name="concurrency"/> at a time.</summary>
    public static IAsyncEnumerable<TResult> RunAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int concurrency,
        int capacity,
        Func<TItem, CancellationToken, Task<TResult>> score,
        CancellationToken cancellationToken) =>
        RunAsync<TItem, TResult>(concurrency, capacity, score, (send, _) => send(items), cancellationToken);

    /// <summary>
    /// Scores the items <paramref name="produce"/> hands to its first argument (in one batch or several, e.g. waiting
    /// between them); a failure of the scoring or the producer reaches the consumer after the results before it.
    /// </summary>
    public static async IAsyncEnumerable<TResult> RunAsync<TItem, TResult>(
        int concurrency,
        int capacity,
        Func<TItem, CancellationToken, Task<TResult>> score,
        Func<Func<IEnumerable<TItem>, Task>, CancellationToken, Task> produce,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<TResult>(capacity);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = stop.Token };
        Task Send(IEnumerable<TItem> batch) => Parallel.ForEachAsync(batch, parallel, async (item, token) =>
            await channel.Writer.WriteAsync(await score(item, token).ConfigureAwait(false), token).ConfigureAwait(false));
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await produce(Send, stop.Token).ConfigureAwait(false);
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        try
        {
            await foreach (var result in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return result;
            }

            await producer.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && producer.IsCanceled)
            {
                // The consumer stopped early: nothing to report.
            }
        }
    }
}
