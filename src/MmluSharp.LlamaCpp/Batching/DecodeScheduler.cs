using System.Globalization;
using LLama.Native;

namespace MmluSharp.LlamaCpp.Batching;

/// <summary>
/// Streams works through full batches: each decode takes the unfinished tokens of the works in flight, then admits the
/// next works in order while the batch has room, their prefix is decoded, and sequences and KV cells are free.
/// Finished works give back their sequences and cells at once, so the cache holds only the prefixes in use and the
/// works in flight, and a group's prefix is decoded while the previous group's last works finish. With
/// <c>oneAtATime</c> a work is admitted only when none is in flight: every sequence then lies in the cache exactly as
/// it would alone (its cells at its positions), which makes the numbers equal to decoding it alone. Not thread-safe;
/// one run at a time.
/// </summary>
internal sealed class DecodeScheduler(SafeLLamaContextHandle context, TokenBatch batch, SequencePool sequences, int cellLimit, int workLimit)
{
    private readonly List<(IDecodeWork Work, LLamaSeqId[] Ids)> _active = [];
    private int _cells;
    private int _works;
    private bool _oneAtATime;

    /// <summary>Sequence ids of the context.</summary>
    public int Sequences => sequences.Count;

    /// <summary>
    /// Decodes <paramref name="works"/> (pulled one at a time, in order) and yields those finished after each decode,
    /// with at most one in flight when <paramref name="oneAtATime"/>. The KV cache is cleared before and after.
    /// </summary>
    /// <exception cref="InvalidOperationException">A work needs more sequences or cells than the context has.</exception>
    public IEnumerable<IReadOnlyList<IDecodeWork>> Run(IEnumerable<IDecodeWork> works, bool oneAtATime, CancellationToken cancellationToken)
    {
        Reset();
        _oneAtATime = oneAtATime;
        using var next = works.GetEnumerator();
        var more = next.MoveNext();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                batch.Clear();
                foreach (var (work, ids) in _active)
                {
                    if (work.HasTokens && batch.Room > 0)
                    {
                        work.Fill(batch, ids);
                    }
                }

                while (more && batch.Room > 0 && CanAdmit(next.Current))
                {
                    Admit(next.Current);
                    more = next.MoveNext();
                }

                if (batch.Count == 0)
                {
                    if (!more && _active.Count == 0)
                    {
                        yield break;
                    }

                    throw new InvalidOperationException(Impossible(next.Current));
                }

                batch.Decode();
                var finished = new List<IDecodeWork>();
                for (var i = 0; i < _active.Count; i++)
                {
                    var (work, ids) = _active[i];
                    if (work.Decoded(batch))
                    {
                        Finish(work, ids);
                        finished.Add(work);
                        _active.RemoveAt(i--);
                    }
                }

                if (finished.Count > 0)
                {
                    yield return finished;
                }
            }
        }
        finally
        {
            Reset();
        }
    }

    private void Reset()
    {
        context.MemoryClear(true);
        sequences.Reset();
        _active.Clear();
        _cells = 0;
        _works = 0;
    }

    // A work goes in whole (or, larger than a batch, from the start of an empty one) and a prefix starts an empty batch:
    // llama.cpp's numbers move with where a sequence's tokens are split between decodes, so every split point must
    // depend on the work alone, never on the others of the run (a resumed or sharded run must equal a whole one).
    private bool CanAdmit(IDecodeWork work) =>
        (!_oneAtATime || _active.Count == 0)
        && (batch.Count == 0 || (work is not SharedPrefix && work.Cells <= batch.Room))
        && (work.Prefix is null || work.Prefix.Ready)
        && work.Sequences <= sequences.Free
        && _cells + work.Cells <= cellLimit
        && (work is SharedPrefix || _works < workLimit);

    private void Admit(IDecodeWork work)
    {
        if (_oneAtATime && _cells == 0)
        {
            // Nothing is held: start from an empty cache, so the work's cells lie where they would in any other run.
            context.MemoryClear(true);
        }

        var ids = sequences.Rent(work.Sequences);
        _cells += work.Cells;
        if (work is SharedPrefix shared)
        {
            shared.Sequence = ids[0];
        }
        else
        {
            _works++;
        }

        if (work.Prefix is { } prefix)
        {
            foreach (var id in ids)
            {
                context.MemorySequenceCopy(prefix.Sequence, id, -1, -1);
            }

            prefix.Admitted++;
            prefix.Live++;
            if (prefix.Admitted == prefix.Dependents)
            {
                // The last dependent holds the prefix's cells from now on.
                context.MemorySequenceRemove(prefix.Sequence, -1, -1);
                sequences.Return(new[] { prefix.Sequence });
            }
        }

        _active.Add((work, ids));
        work.Fill(batch, ids);
    }

    private void Finish(IDecodeWork work, LLamaSeqId[] ids)
    {
        if (work is SharedPrefix)
        {
            // Stays in the cache, on its sequence, until its dependents are admitted (see Admit).
            return;
        }

        foreach (var id in ids)
        {
            context.MemorySequenceRemove(id, -1, -1);
        }

        sequences.Return(ids);
        _cells -= work.Cells;
        _works--;
        if (work.Prefix is { } prefix && --prefix.Live == 0 && prefix.Admitted == prefix.Dependents)
        {
            _cells -= prefix.Cells;
        }
    }

    private string Impossible(IDecodeWork work) => work.Sequences > sequences.Count
        ? string.Create(CultureInfo.InvariantCulture, $"{work.Name} needs {work.Sequences} sequences (one per multi-token answer, plus the prompt); the batch size allows {sequences.Count}.")
        : string.Create(CultureInfo.InvariantCulture, $"{work.Name} needs {work.Cells} KV cells beside its prefix; the context has {cellLimit}.");
}
