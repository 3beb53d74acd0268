using System.Diagnostics;
using System.Globalization;
using LLama.Native;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>
/// Tokens waiting to be decoded, each with its position, sequences and the log-probabilities to read from
/// its logits. <see cref="Flush"/> decodes them in order, never more than the batch size per call (more
/// aborts the process inside llama.cpp), reading the logits after each call.
/// </summary>
internal sealed class DecodeQueue(SafeLLamaContextHandle context, int batchSize, ScoringStatistics statistics)
{
    private readonly List<(int Token, int Position, LLamaSeqId[] Sequences, List<LogitRead>? Reads)> _entries = [];
    private readonly LLamaBatch _batch = new();

    public int Count => _entries.Count;

    /// <summary>Queues a token; <paramref name="reads"/> non-null requests its logits.</summary>
    public void Add(int token, int position, LLamaSeqId[] sequences, List<LogitRead>? reads) =>
        _entries.Add((token, position, sequences, reads is { Count: > 0 } ? reads : null));

    /// <summary>Decodes everything queued and applies the logit reads; returns the number of tokens decoded.</summary>
    /// <remarks>
    /// The queue is empty afterwards whatever happens: tokens left behind by a cancellation or a failed decode
    /// would otherwise be decoded into the next call's freshly cleared cache.
    /// </remarks>
    public int Flush(CancellationToken cancellationToken)
    {
        try
        {
            return FlushCore(cancellationToken);
        }
        finally
        {
            _entries.Clear();
        }
    }

    /// <summary>Drops every queued token.</summary>
    public void Clear() => _entries.Clear();

    private int FlushCore(CancellationToken cancellationToken)
    {
        var decoded = _entries.Count;
        var indices = new int[Math.Min(batchSize, _entries.Count)];
        for (var start = 0; start < _entries.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(start + batchSize, _entries.Count);
            _batch.Clear();
            for (var i = start; i < end; i++)
            {
                var e = _entries[i];
                indices[i - start] = _batch.Add(e.Token, e.Position, e.Sequences, e.Reads is not null);
            }

            var started = Stopwatch.GetTimestamp();
            var result = context.Decode(_batch);
            statistics.Decodes++;
            if (result != DecodeResult.Ok)
            {
                throw new InvalidOperationException(string.Create(
                    CultureInfo.InvariantCulture, $"llama.cpp could not decode a batch of {end - start} tokens ({result})."));
            }

            for (var i = start; i < end; i++)
            {
                if (_entries[i].Reads is not { } reads)
                {
                    continue;
                }

                var logits = context.GetLogitsIth(indices[i - start]);
                var logSumExp = LogSoftmax.LogSumExp(logits);
                foreach (var read in reads)
                {
                    read.Sums[read.Index] += LogSoftmax.Of(logits, logSumExp, read.Target);
                }
            }

            statistics.Decoding += Stopwatch.GetElapsedTime(started);
        }

        return decoded;
    }
}
