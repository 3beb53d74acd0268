using LLama.Native;

namespace MmluSharp.LlamaCpp.Batching;

/// <summary>
/// Tokens to decode on sequences of their own, after the <see cref="SharedPrefix"/> they continue (if any), as
/// <see cref="DecodeScheduler"/> fits them into batches. A work may be split over several batches; its tokens go in
/// in order, and it reads its logits after each decode. Letter scoring's questions are works; so can generation's be
/// (a prompt, then one sampled token per decode).
/// </summary>
internal interface IDecodeWork
{
    /// <summary>What it is, for messages (a request's id).</summary>
    string Name { get; }

    /// <summary>The prefix whose cells its sequences start from; null to start empty, at position 0.</summary>
    SharedPrefix? Prefix { get; }

    /// <summary>How many sequences it needs: the scheduler copies the prefix into each and frees them when it finishes.</summary>
    int Sequences { get; }

    /// <summary>The most KV cells its own tokens take (beyond the prefix).</summary>
    int Cells { get; }

    /// <summary>Whether it has tokens not yet put in a batch.</summary>
    bool HasTokens { get; }

    /// <summary>Puts its next tokens into <paramref name="batch"/>, as many as fit, on its <paramref name="sequences"/>.</summary>
    void Fill(TokenBatch batch, ReadOnlySpan<LLamaSeqId> sequences);

    /// <summary>After a decode of a batch it put tokens in: reads its logits; true when it is finished.</summary>
    bool Decoded(TokenBatch batch);
}
