using LLama.Native;
using MmluSharp.LlamaCpp.Batching;
using MmluSharp.LlamaCpp.Scoring;
using MmluSharp.Models.Generation;

namespace MmluSharp.LlamaCpp.Generation;

/// <summary>
/// Greedy generation on one llama.cpp context, many questions at once. Requests with the same header and shots share
/// their prefix, decoded once as sequence 0; each question is copied from it onto a sequence of its own, its remaining
/// prompt tokens decoded, then one batch per step holds the next token of every question still generating. A question
/// whose reply ends (end-of-generation token, stop string, most tokens) leaves at once and frees its sequence and
/// cells, and the next waiting question joins in the same step (continuous batching). Questions join only while the
/// cache has room for their longest reply, and always in request order, so the same requests decode in the same
/// batches every time. Not thread-safe.
/// </summary>
internal sealed class GenerationEngine(
    SafeLLamaContextHandle context, SafeLlamaModelHandle model, GenerationPlanner planner, TokenBatch batch, int cacheCells, int maxSequences, ScoringStatistics statistics)
{
    private readonly GenerationQueue _queue = new(batch);
    private byte[] _piece = new byte[256];

    /// <summary>
    /// Generates every reply with at most <paramref name="parallel"/> questions side by side (1: one question at a
    /// time, on the same shared prefix). Yields the replies finished at each step.
    /// </summary>
    public IEnumerable<IReadOnlyList<GeneratedReply>> Generate(IReadOnlyList<GenerationRequest> requests, int parallel, CancellationToken cancellationToken)
    {
        var alone = new List<GenerationPlan>();
        foreach (var group in requests.GroupBy(r => (r.Prompt.Prefix(r.Prompt.Shots.Count), r.Prompt.Templated)))
        {
            var plans = PlanInParallel(group);
            foreach (var byShots in plans.GroupBy(p => p.Shots))
            {
                var first = byShots.First().Request.Prompt;
                var prefix = planner.Tokenize(first.Prefix(byShots.Key), first.Templated);
                foreach (var results in Run(prefix, [.. byShots.Where(p => p.CanShare(prefix))], parallel, cancellationToken))
                {
                    yield return results;
                }

                alone.AddRange(byShots.Where(p => !p.CanShare(prefix)));
            }
        }

        // Prompts that do not continue their group's prefix token for token, or were cut from the left: each decoded in full.
        statistics.Fallbacks += alone.Count(p => p.TruncatedTokens == 0);
        foreach (var results in Run([], alone, parallel, cancellationToken))
        {
            yield return results;
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

    /// <summary>Decodes <paramref name="prefix"/> as sequence 0, then generates every plan on copies of it.</summary>
    private IEnumerable<IReadOnlyList<GeneratedReply>> Run(int[] prefix, List<GenerationPlan> plans, int parallel, CancellationToken cancellationToken)
    {
        if (plans.Count == 0)
        {
            yield break;
        }

        _queue.Clear();
        context.MemoryClear(true);
        long prefixTokens = 0;
        if (prefix.Length > 0)
        {
            var zero = new[] { LLamaSeqId.Zero };
            for (var p = 0; p < prefix.Length; p++)
            {
                _queue.Add(prefix[p], p, zero, prefix: true);
            }

            prefixTokens = _queue.Flush(cancellationToken);
            statistics.PrefixGroups++;
        }

        var waiting = new Queue<GenerationPlan>(plans);
        var active = new List<GenerationSlot>();
        var free = new Stack<int>(Enumerable.Range(1, Math.Min(parallel, maxSequences - 1)).Reverse());
        var cells = prefix.Length;
        try
        {
            while (waiting.Count > 0 || active.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (waiting.Count > 0 && free.Count > 0 && (active.Count == 0 || cells + waiting.Peek().Cells(prefix.Length) <= cacheCells))
                {
                    var slot = Admit(waiting.Dequeue(), free.Pop(), prefix.Length);
                    cells += slot.Cells;
                    active.Add(slot);
                }

                foreach (var slot in active.Where(s => s.Generated > 0))
                {
                    _queue.AddReading(slot.Picked, slot.Position++, slot.Sequences, slot.Reader);
                    slot.Decoded++;
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
                    free.Push(slot.Sequence);
                    cells -= slot.Cells;
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

    /// <summary>Copies the prefix to the question's sequence and queues its own prompt tokens, reading the last one's logits.</summary>
    private GenerationSlot Admit(GenerationPlan plan, int sequence, int prefixLength)
    {
        var slot = new GenerationSlot(plan, sequence, plan.Tokens.Length, plan.Cells(prefixLength));
        if (prefixLength > 0)
        {
            context.MemorySequenceCopy(LLamaSeqId.Zero, (LLamaSeqId)sequence, -1, -1);
        }

        for (var p = prefixLength; p < plan.Tokens.Length - 1; p++)
        {
            _queue.Add(plan.Tokens[p], p, slot.Sequences);
        }

        _queue.AddReading(plan.Tokens[^1], plan.Tokens.Length - 1, slot.Sequences, slot.Reader);
        slot.Decoded = plan.Tokens.Length - prefixLength;
        return slot;
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
