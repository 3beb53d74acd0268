using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace MmluSharp.OpenAI.Tests;

/// <summary>
/// A fake clock that tells the test each timer the code under test starts on it, so the test moves time only once the
/// pipeline is really waiting (else the wait would start after the move and be missed).
/// </summary>
internal sealed class ManualClock : FakeTimeProvider
{
    /// <summary>How long the test waits, in real time, for the pipeline to start a timer before it gives up.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<TimeSpan> started = Channel.CreateUnbounded<TimeSpan>();

    /// <summary>Timers of this length are not reported (the per-attempt timeout, which the tests never reach).</summary>
    public TimeSpan Unreported { get; init; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime != Unreported)
        {
            started.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The length of the next timer started on this clock, once it has started.</summary>
    public async Task<TimeSpan> NextTimerAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        try
        {
            return await started.Reader.ReadAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no timer was started on the fake clock (now {GetUtcNow():O})");
        }
    }

    /// <summary>Waits for the next timer and moves the clock by exactly its length; returns that length.</summary>
    public async Task<TimeSpan> AdvanceToNextTimerAsync()
    {
        var due = await NextTimerAsync();
        Advance(due);
        return due;
    }

    /// <summary>Waits, in real time, until <paramref name="condition"/> holds (for effects of a clock move on other threads).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            if (patience.IsCancellationRequested)
            {
                throw new TimeoutException($"still waiting for {what}");
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }
}
