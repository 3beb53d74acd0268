using System.Diagnostics;
using LLama.Native;
using MmluSharp.LlamaCpp.Batching;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>
/// One question's tokens after its prefix (or a whole left-truncated window): the prompt's tokens in its main sequence,
/// shared with each multi-token continuation's branch sequence up to where that continuation diverges, then each branch's
/// own tokens. The logits read are those predicting each continuation token, so no continuation sees another's tokens.
/// </summary>
internal sealed class LetterWork : IDecodeWork
{
    private readonly LetterRequest _request;
    private readonly Entry[] _entries;
    private readonly List<(int Output, (int Index, int Target)[] Reads)> _pending = [];
    private int _next;

    /// <param name="request">The request whose sums it adds to.</param>
    /// <param name="plan">The question, or one of its windows.</param>
    /// <param name="prefix">The shared prefix it continues, or null to decode from the start.</param>
    public LetterWork(LetterRequest request, QuestionPlan plan, SharedPrefix? prefix)
    {
        _request = request;
        Prefix = prefix;
        var continuations = plan.Continuations;
        var branchOf = new int[continuations.Count];
        var branches = 0;
        for (var j = 0; j < continuations.Count; j++)
        {
            branchOf[j] = continuations[j].BranchTokens > 0 ? ++branches : -1;
        }

        Sequences = 1 + branches;
        var entries = new List<Entry>();
        var prompt = plan.PromptTokens;
        for (var pos = prefix?.Tokens.Count ?? 0; pos < prompt.Length; pos++)
        {
            var members = new List<int> { 0 };
            List<(int, int)>? reads = null;
            for (var j = 0; j < continuations.Count; j++)
            {
                var c = continuations[j];
                if (branchOf[j] > 0 && pos < c.Common)
                {
                    members.Add(branchOf[j]);
                }

                if (pos == c.Common - 1 && c.Tokens.Length > 0)
                {
                    (reads ??= []).Add((j, c.Tokens[0]));
                }
            }

            entries.Add(new Entry(prompt[pos], pos, [.. members], reads?.ToArray()));
        }

        for (var j = 0; j < continuations.Count; j++)
        {
            var c = continuations[j];
            for (var t = 0; t < c.BranchTokens; t++)
            {
                entries.Add(new Entry(c.Tokens[t], c.Common + t, [branchOf[j]], [(j, c.Tokens[t + 1])]));
            }
        }

        _entries = [.. entries];
        request.Tokens += _entries.Length;
    }

    public string Name => $"Request '{_request.Plan.Request.Id}'";

    public LetterRequest Request => _request;

    public SharedPrefix? Prefix { get; }

    public int Sequences { get; }

    public int Cells => _entries.Length;

    public bool HasTokens => _next < _entries.Length;

    public void Fill(TokenBatch batch, ReadOnlySpan<LLamaSeqId> sequences)
    {
        Span<LLamaSeqId> members = stackalloc LLamaSeqId[sequences.Length];
        for (; _next < _entries.Length && batch.Room > 0; _next++)
        {
            var entry = _entries[_next];
            for (var m = 0; m < entry.Members.Length; m++)
            {
                members[m] = sequences[entry.Members[m]];
            }

            var output = batch.Add(entry.Token, entry.Position, members[..entry.Members.Length], entry.Reads is not null, prefix: false);
            if (entry.Reads is { } reads)
            {
                _pending.Add((output, reads));
            }
        }
    }

    public bool Decoded(TokenBatch batch)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var (output, reads) in _pending)
        {
            var logits = batch.Logits(output);
            var logSumExp = LogSoftmax.LogSumExp(logits);
            foreach (var (index, target) in reads)
            {
                _request.Sums[index] += LogSoftmax.Of(logits, logSumExp, target);
            }
        }

        _pending.Clear();
        batch.Statistics.LogitReading += Stopwatch.GetElapsedTime(started);
        return !HasTokens;
    }

    private sealed record Entry(int Token, int Position, int[] Members, (int Index, int Target)[]? Reads);
}
