using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using MmluSharp.OpenAI.Http;

namespace MmluSharp.OpenAI.Tests;

/// <summary>
/// The requests-per-minute limiter on a fake clock. A wait that ends completes on another thread, so the tests await
/// it (with a real-time guard against hanging); a wait that has not ended cannot complete, as its timer has not fired.
/// </summary>
public sealed class PacedRateLimiterTests
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_first_acquire_is_at_once_and_each_later_one_waits_exactly_one_more_spacing_in_order()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new PacedRateLimiter(Spacing, clock);

        var leases = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync().AsTask()).ToList();

        Assert.True(leases[0].IsCompletedSuccessfully);
        Assert.False(leases[1].IsCompleted);
        clock.Advance(Spacing - TimeSpan.FromTicks(1));
        Assert.False(leases[1].IsCompleted);
        clock.Advance(TimeSpan.FromTicks(1));
        await Granted(leases[1]);
        Assert.False(leases[2].IsCompleted);
        clock.Advance(Spacing - TimeSpan.FromTicks(1));
        Assert.False(leases[2].IsCompleted);
        clock.Advance(TimeSpan.FromTicks(1));
        await Granted(leases[2]);
    }

    [Fact]
    public async Task Idle_time_is_not_saved_up_for_a_burst()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new PacedRateLimiter(Spacing, clock);
        limiter.AttemptAcquire().Dispose();

        clock.Advance(10 * Spacing);
        Assert.Equal(9 * Spacing, limiter.IdleDuration);
        var first = limiter.AcquireAsync().AsTask();
        var second = limiter.AcquireAsync().AsTask();

        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        Assert.Null(limiter.IdleDuration);
        clock.Advance(Spacing);
        await Granted(second);
    }

    [Fact]
    public void Attempt_acquire_is_refused_until_the_next_slot_and_then_granted()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new PacedRateLimiter(Spacing, clock);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.Advance(Spacing / 2);
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        clock.Advance(Spacing / 2);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        var statistics = limiter.GetStatistics()!;
        Assert.Equal(2, statistics.TotalSuccessfulLeases);
        Assert.Equal(2, statistics.TotalFailedLeases);
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_keeps_its_slot()
    {
        var clock = new FakeTimeProvider();
        using var limiter = new PacedRateLimiter(Spacing, clock);
        using var cancel = new CancellationTokenSource();

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        var waiting = limiter.AcquireAsync(1, cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        var next = limiter.AcquireAsync().AsTask();
        clock.Advance(Spacing);
        Assert.False(next.IsCompleted);
        clock.Advance(Spacing);
        await Granted(next);
    }

    private static async Task Granted(Task<RateLimitLease> lease) =>
        Assert.True((await lease.WaitAsync(TimeSpan.FromSeconds(30))).IsAcquired);
}
