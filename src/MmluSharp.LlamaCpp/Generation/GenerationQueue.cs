using LLama.Native;
using MmluSharp.LlamaCpp.Batching;
using MmluSharp.LlamaCpp.Scoring;

namespace MmluSharp.LlamaCpp.Generation;

/// <summary>
/// Tokens waiting to be decoded for generation, each with its position and sequence, and for the last token of a
/// question's prompt or reply a reader of its logits. <see cref="Flush"/> decodes them in order through the model's
/// <see cref="TokenBatch"/>, never more than its capacity per call, handing each reader its row right after its decode.
/// </summary>
internal sealed class GenerationQueue(TokenBatch batch)
{
    private readonly List<(int Token, int Position, LLamaSeqId[] Sequences, LogitsReader? Reader, bool Prefix)> _entries = [];
    private int[] _indices = [];

    /// <summary>Queues a token of a shared prefix (<paramref name="prefix"/>) or of a question.</summary>
    public void Add(int token, int position, LLamaSeqId[] sequences, bool prefix = false) =>
        _entries.Add((token, position, sequences, null, prefix));

    /// <summary>Queues a token whose logits <paramref name="reader"/> is given right after its decode.</summary>
    public void AddReading(int token, int position, LLamaSeqId[] sequences, LogitsReader reader) =>
        _entries.Add((token, position, sequences, reader, false));

    /// <summary>Decodes everything queued and hands out the logits; returns the number of tokens decoded.</summary>
    /// <remarks>The queue is empty afterwards whatever happens, so nothing left behind reaches a cleared cache.</remarks>
    public int Flush(CancellationToken cancellationToken)
    {
        try
        {
            var decoded = _entries.Count;
            for (var start = 0; start < _entries.Count; start += batch.Capacity)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = Math.Min(start + batch.Capacity, _entries.Count);
                if (_indices.Length < end - start)
                {
                    _indices = new int[end - start];
                }

                batch.Clear();
                for (var i = start; i < end; i++)
                {
                    var e = _entries[i];
                    _indices[i - start] = batch.Add(e.Token, e.Position, e.Sequences, e.Reader is not null, e.Prefix);
                }

                batch.Decode();
                for (var i = start; i < end; i++)
                {
                    _entries[i].Reader?.Invoke(batch.Logits(_indices[i - start]));
                }
            }

            return decoded;
        }
        finally
        {
            _entries.Clear();
            batch.Clear();
        }
    }

    /// <summary>Drops every queued token.</summary>
    public void Clear() => _entries.Clear();
}
