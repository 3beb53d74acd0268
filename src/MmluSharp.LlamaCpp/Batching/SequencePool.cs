using LLama.Native;

namespace MmluSharp.LlamaCpp.Batching;

/// <summary>The sequence ids of a context (0 to n_seq_max − 1), handed out and taken back, lowest first.</summary>
internal sealed class SequencePool(int count)
{
    private readonly SortedSet<int> _free = [.. Enumerable.Range(0, count)];

    public int Count => count;

    public int Free => _free.Count;

    public LLamaSeqId[] Rent(int n)
    {
        var ids = _free.Take(n).Select(i => (LLamaSeqId)i).ToArray();
        foreach (var id in ids)
        {
            _free.Remove(id.Value);
        }

        return ids;
    }

    public void Return(ReadOnlySpan<LLamaSeqId> ids)
    {
        foreach (var id in ids)
        {
            _free.Add(id.Value);
        }
    }

    public void Reset()
    {
        _free.Clear();
        _free.UnionWith(Enumerable.Range(0, count));
    }
}
