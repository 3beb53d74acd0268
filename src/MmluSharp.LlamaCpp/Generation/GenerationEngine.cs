using LLama.Native;
using MmluSharp.LlamaCpp.Batching;
using MmluSharp.LlamaCpp.Scoring;
using MmluSharp.Models.Generation;

namespace MmluSharp.LlamaCpp.Generation;

/// <summary>
/// Greedy generation on a llama.cpp context with a KV stream per sequence, many questions at once. Requests with the
/// same header and shots share their prefix, decoded once on sequence 0; each question is copied from it onto a sequence
/// of its own (its own stream, so its cells lie exactly as they would alone), its remaining prompt tokens decoded, then
/// one batch per step holds the next token of every question still generating, in sequence order (llama.cpp decodes
/// consecutive sequences in one micro-batch). A question whose reply ends (end-of-generation token, stop string, most
/// tokens) leaves at once and frees its sequence, and the next waiting question joins in the same step, whatever its
/// prefix (continuous batching across subjects). Questions join in request order, on the lowest free sequence, so the
/// same requests decode in the same batches every time. Not thread-safe.
/// </summary>
internal sealed class GenerationEngine(
    SafeLLamaContextHandle context, SafeLlamaModelHandle model, GenerationPlanner planner, TokenBatch batch, int maxSequences, ScoringStatistics statistics)
{
    private readonly GenerationQueue _queue = new(batch);
    private byte[] _piece = new byte[256];

    /// <summary>
    /// Generates every reply with at most <paramref name="parallel"/> questions side by side (1: one question at a
    /// time, on the same shared prefixes). Yields the replies finished at each step.
    /// </summary>
    public IEnumerable<IReadOnlyList<GeneratedReply>> Generate(IReadOnlyList<GenerationRequest> requests, int parallel, CancellationToken cancellationToken) =>
        Run(Admissions(requests), Math.Clamp(parallel, 1, maxSequences - 1), cancellationToken);

    /// <summary>
    /// Every plan with the prefix it continues, group by group in request order (planned a group at a time, as the
    /// questions are reached); last, the prompts that continue no prefix (an empty one), each decoded in full.
    /// </summary>
    private IEnumerable<(int[] Prefix, GenerationPlan Plan)> Admissions(IReadOnlyList<GenerationRequest> requests)
    {
        var alone = new List<GenerationPlan>();
        foreach (var group in requests.GroupBy(r => (r.Prompt.Prefix(r.Prompt.Shots.Count), r.Prompt.Templated)))
        {
            foreach (var byShots in PlanInParallel(group).GroupBy(p => p.Shots))
            {
                var first = byShots.First().Request.Prompt;
                var prefix = planner.Tokenize(first.Prefix(byShots.Key), first.Templated);
                foreach (var plan in byShots)
                {
                    if (plan.CanShare(prefix))
                    {
                        yield return (prefix, plan);
                    }
                    else
                    {
                        alone.Add(plan);
                    }
                }
            }
        }

        // Prompts that do not continue their group's prefix token for token, or were cut from the left.
        statistics.Fallbacks += alone.Count(p => p.TruncatedTokens == 0);
        foreach (var plan in alone)
        {
            yield return ([], plan);
        }
    }

    private List<GenerationPlan> PlanInParallel(IEnumerable<GenerationRequest> requests)
    {
        try
        {
            var plans = requests.AsParallel().AsOrdered().Select(planner.Plan).ToList();
            foreach (var plan in plans)
            {
                statistics.Requests++;
                statistics.Truncated += plan.Shots < plan.Request.Prompt.Shots.Count ? 1 : 0;
                statistics.LeftTruncated += plan.TruncatedTokens > 0 ? 1 : 0;
            }

            return plans;
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
    }

    /// <summary>Generates every admission, decoding each prefix on sequence 0 when its first question joins.</summary>
    private IEnumerable<IReadOnlyList<GeneratedReply>> Run(IEnumerable<(int[] Prefix, GenerationPlan Plan)> admissions, int parallel, CancellationToken cancellationToken)
    {
        _queue.Clear();
        context.MemoryClear(true);
        using var waiting = admissions.GetEnumerator();
        var more = waiting.MoveNext();
        var active = new List<GenerationSlot>();
        var free = new SortedSet<int>(Enumerable.Range(1, parallel));
        int[]? prefix = null;
        long prefixTokens = 0;
        try
        {
            while (more || active.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (more && free.Count > 0)
                {
                    var (next, plan) = waiting.Current;
                    if (!ReferenceEquals(next, prefix))
                    {
                        prefix = next;
                        prefixTokens += DecodePrefix(prefix, cancellationToken);
                    }

                    var sequence = free.Min;
                    free.Remove(sequence);
                    active.Add(Admit(plan, sequence, prefix.Length));
                    more = waiting.MoveNext();
                }

                // In sequence order, each question's tokens together: llama.cpp's split of a multi-stream batch puts
                // consecutive sequences in one micro-batch.
                active.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                foreach (var slot in active)
                {
                    Queue(slot);
                }

                _queue.Flush(cancellationToken);
                var finished = new List<GeneratedReply>();
                foreach (var slot in active.ToList())
                {
                    if (Step(slot) is not { } finish)
                    {
                        continue;
                    }

                    active.Remove(slot);
                    context.MemorySequenceRemove((LLamaSeqId)slot.Sequence, -1, -1);
                    free.Add(slot.Sequence);
                    finished.Add(slot.Reply(finish, prefixTokens));
                    prefixTokens = 0;
                }

                if (finished.Count > 0)
                {
                    yield return finished;
                }
            }
        }
        finally
        {
            _queue.Clear();
            context.MemoryClear(true);
        }
    }

    /// <summary>Replaces sequence 0 with <paramref name="prefix"/>; returns the tokens decoded.</summary>
    /// <remarks>
    /// Copies to other streams made before are safe: llama.cpp performs them at the start of the next decode, before
    /// this one writes its cells.
    /// </remarks>
    private long DecodePrefix(int[] prefix, CancellationToken cancellationToken)
    {
        context.MemorySequenceRemove(LLamaSeqId.Zero, -1, -1);
        if (prefix.Length == 0)
        {
            return 0;
        }

        var zero = new[] { LLamaSeqId.Zero };
        for (var p = 0; p < prefix.Length; p++)
        {
            _queue.Add(prefix[p], p, zero, prefix: true);
        }

        statistics.PrefixGroups++;
        return _queue.Flush(cancellationToken);
    }

    /// <summary>Copies the prefix (sequence 0) to the question's own sequence.</summary>
    private GenerationSlot Admit(GenerationPlan plan, int sequence, int prefixLength)
    {
        if (prefixLength > 0)
        {
            context.MemorySequenceCopy(LLamaSeqId.Zero, (LLamaSeqId)sequence, -1, -1);
        }

        return new GenerationSlot(plan, sequence, prefixLength);
    }

    /// <summary>Queues what the slot decodes next: its own prompt tokens when it has just joined, else its last token.</summary>
    private void Queue(GenerationSlot slot)
    {
        var tokens = slot.Plan.Tokens;
        if (slot.Decoded == 0)
        {
            for (var p = slot.PrefixLength; p < tokens.Length - 1; p++)
            {
                _queue.Add(tokens[p], p, slot.Sequences);
            }

            _queue.AddReading(tokens[^1], tokens.Length - 1, slot.Sequences, slot.Reader);
            slot.Decoded = tokens.Length - slot.PrefixLength;
            return;
        }

        _queue.AddReading(slot.Picked, slot.Position++, slot.Sequences, slot.Reader);
        slot.Decoded++;
    }

    /// <summary>Takes the token picked from the slot's logits; returns why the reply ended, or null to go on.</summary>
    private GenerationFinish? Step(GenerationSlot slot)
    {
        var token = (LLamaToken)slot.Picked;
        if (token.IsEndOfGeneration(model.Vocab))
        {
            return GenerationFinish.EndOfGeneration;
        }

        slot.Generated++;
        statistics.Generated++;
        var length = (int)model.TokenToSpan(token, _piece, 0, false);
        if (length > _piece.Length)
        {
            _piece = new byte[length];
            length = (int)model.TokenToSpan(token, _piece, 0, false);
        }

        var stopped = slot.Text.Add(_piece.AsSpan(0, length));
        return stopped ? GenerationFinish.Stop : slot.Generated >= slot.Plan.Request.MaxTokens ? GenerationFinish.Length : null;
    }
}
