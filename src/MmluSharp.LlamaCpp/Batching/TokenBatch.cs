using System.Diagnostics;
using System.Globalization;
using LLama.Native;
using MmluSharp.LlamaCpp.Scoring;

namespace MmluSharp.LlamaCpp.Batching;

/// <summary>
/// One llama_decode call being filled: never more tokens than <see cref="Capacity"/> (more aborts the process inside
/// llama.cpp). Counts its shared-prefix tokens apart from the others so the decode time can be split between them.
/// </summary>
internal sealed class TokenBatch(SafeLLamaContextHandle context, int capacity, ScoringStatistics statistics)
{
    private readonly LLamaBatch _batch = new();
    private int _prefixTokens;

    public int Capacity => capacity;

    public int Count => _batch.TokenCount;

    /// <summary>Tokens that still fit.</summary>
    public int Room => capacity - _batch.TokenCount;

    public ScoringStatistics Statistics => statistics;

    /// <summary>Adds a token; returns the index of its logits when <paramref name="output"/>, else -1.</summary>
    public int Add(int token, int position, ReadOnlySpan<LLamaSeqId> sequences, bool output, bool prefix)
    {
        Debug.Assert(Room > 0, "the batch is full");
        _prefixTokens += prefix ? 1 : 0;
        var index = _batch.Add((LLamaToken)token, position, sequences, output);
        return output ? index : -1;
    }

    public void Clear()
    {
        _batch.Clear();
        _prefixTokens = 0;
    }

    /// <summary>Decodes the batch.</summary>
    /// <exception cref="InvalidOperationException">llama.cpp refused the batch.</exception>
    public void Decode()
    {
        var started = Stopwatch.GetTimestamp();
        var result = context.Decode(_batch);
        statistics.AddDecode(Stopwatch.GetElapsedTime(started), _prefixTokens, _batch.TokenCount - _prefixTokens);
        if (result != DecodeResult.Ok)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture, $"llama.cpp could not decode a batch of {_batch.TokenCount} tokens ({result})."));
        }

        statistics.PrefixTokens += _prefixTokens;
        statistics.QuestionTokens += _batch.TokenCount - _prefixTokens;
    }

    /// <summary>The logits at <paramref name="index"/> (from <see cref="Add"/>) after <see cref="Decode"/>.</summary>
    public Span<float> Logits(int index) => context.GetLogitsIth(index);
}
