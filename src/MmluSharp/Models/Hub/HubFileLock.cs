namespace MmluSharp.Models.Hub;

/// <summary>
/// The lock huggingface_hub takes while it downloads a blob (<c>.locks/models--owner--repo/&lt;blob&gt;.lock</c>, an
/// exclusive <c>flock</c>, which .NET's <see cref="FileShare.None"/> also takes on Unix): two processes (two shards of a
/// Slurm array, or mmlu and huggingface-cli) never write the same partial file; the second waits for the first.
/// </summary>
internal sealed class HubFileLock : IDisposable
{
    private readonly FileStream stream;

    private HubFileLock(FileStream stream) => this.stream = stream;

    /// <summary>Takes the lock, calling <paramref name="waiting"/> once if another process holds it, then polling.</summary>
    public static async Task<HubFileLock> AcquireAsync(string path, TimeProvider time, Action waiting, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var reported = false;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                return new HubFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (IsHeldElsewhere(e))
            {
                var poll = Task.Delay(TimeSpan.FromSeconds(1), time, ct);
                if (!reported)
                {
                    reported = true;
                    waiting();
                }

                await poll.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Releases the lock; the file stays, as huggingface_hub leaves it (deleting it would race with a waiter).</summary>
    public void Dispose() => stream.Dispose();

    // Windows: ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION; Unix: flock's EWOULDBLOCK, which .NET reports as EAGAIN (11).
    private static bool IsHeldElsewhere(IOException e) => (e.HResult & 0xFFFF) is 11 or 32 or 33;
}
