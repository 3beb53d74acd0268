using LLama.Native;

namespace MmluSharp.LlamaCpp.Batching;

/// <summary>
/// Tokens that <see cref="Dependents"/> works start with, decoded once on a sequence of their own. Once decoded it is
/// <see cref="Ready"/>: each dependent's sequences are copied from it as the dependent is admitted (in a unified KV
/// cache the cells are shared, not copied). Its sequence is freed when the last dependent is admitted; its cells
/// when, besides, the last dependent has finished.
/// </summary>
internal sealed class SharedPrefix(int[] tokens, int dependents) : IDecodeWork
{
    private int _next;

    public IReadOnlyList<int> Tokens => tokens;

    /// <summary>Works that will continue this prefix.</summary>
    public int Dependents => dependents;

    /// <summary>Whether every token has been decoded.</summary>
    public bool Ready { get; private set; }

    /// <summary>The sequence holding it, once admitted.</summary>
    public LLamaSeqId Sequence { get; set; }

    /// <summary>Dependents admitted so far.</summary>
    public int Admitted { get; set; }

    /// <summary>Dependents admitted and not finished.</summary>
    public int Live { get; set; }

    public string Name => "a shared prefix";

    SharedPrefix? IDecodeWork.Prefix => null;

    public int Sequences => 1;

    public int Cells => tokens.Length;

    public bool HasTokens => _next < tokens.Length;

    public void Fill(TokenBatch batch, ReadOnlySpan<LLamaSeqId> sequences)
    {
        for (; _next < tokens.Length && batch.Room > 0; _next++)
        {
            batch.Add(tokens[_next], _next, sequences, output: false, prefix: true);
        }
    }

    public bool Decoded(TokenBatch batch)
    {
        Ready = !HasTokens;
        return Ready;
    }
}
