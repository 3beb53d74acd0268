using System.Threading.RateLimiting;

namespace MmluSharp.OpenAI.Http;

/// <summary>
/// The requests-per-minute limit: attempts start at least <c>interval</c> apart on the pipeline's clock, in the order
/// they ask, the first at once; time left unused is not saved up for a burst. The limiters of
/// System.Threading.RateLimiting read the system clock, so a <see cref="TimeProvider"/> could not drive them.
/// </summary>
/// <remarks>A wait that is cancelled keeps its slot, so the pace can only err on the slow side.</remarks>
internal sealed class PacedRateLimiter : RateLimiter
{
    private readonly TimeSpan interval;
    private readonly TimeProvider clock;
    private readonly long origin;
    private readonly Lock gate = new();
    private TimeSpan next;
    private long waiting;
    private long granted;
    private long refused;

    public PacedRateLimiter(TimeSpan interval, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        this.interval = interval;
        this.clock = clock;
        origin = clock.GetTimestamp();
    }

    /// <summary>How long the next slot has been free; null while a slot lies ahead.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var now = Now;
                return now >= next ? now - next : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Now >= next ? 1 : 0,
                CurrentQueuedCount = Interlocked.Read(ref waiting),
                TotalSuccessfulLeases = Interlocked.Read(ref granted),
                TotalFailedLeases = Interlocked.Read(ref refused),
            };
        }
    }

    /// <summary>Takes a slot only when one is free now (0 permits: only says whether one is).</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        lock (gate)
        {
            var now = Now;
            if (now < next)
            {
                Interlocked.Increment(ref refused);
                return PacedLease.Refused;
            }

            if (permitCount > 0)
            {
                next = now + (interval * permitCount);
                Interlocked.Increment(ref granted);
            }

            return PacedLease.Granted;
        }
    }

    /// <summary>Reserves the next free slot and waits for it on the clock.</summary>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        TimeSpan wait;
        lock (gate)
        {
            var now = Now;
            var slot = now > next ? now : next;
            if (permitCount > 0)
            {
                next = slot + (interval * permitCount);
            }

            wait = slot - now;
        }

        if (wait > TimeSpan.Zero)
        {
            Interlocked.Increment(ref waiting);
            try
            {
                await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref waiting);
            }
        }

        Interlocked.Increment(ref granted);
        return PacedLease.Granted;
    }

    private TimeSpan Now => clock.GetElapsedTime(origin);
}
