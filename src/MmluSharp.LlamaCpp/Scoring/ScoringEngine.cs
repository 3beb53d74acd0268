using LLama.Native;
using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>
/// Scores requests on one llama.cpp context. Shared-prefix path: requests are grouped by header + shots; each
/// group's prefix is decoded once as sequence 0, copied to the sequences of up to
/// <c>maxQuestions</c> questions at a time, and their suffixes decoded side by side. A continuation of more than
/// one token gets a branch sequence that shares the question's tokens inside the same batch (tokens belonging
/// to several sequences), so no continuation ever sees another's tokens. Not thread-safe.
/// </summary>
internal sealed class ScoringEngine(
    SafeLLamaContextHandle context, PromptPlanner planner, int batchSize, int maxSequences, int maxQuestions, ScoringStatistics statistics)
{
    private readonly DecodeQueue _queue = new(context, batchSize, statistics);

    public ScoringStatistics Statistics => statistics;

    public int ContextSize => planner.ContextSize;

    /// <summary>The shared-prefix path. Yields results batch by batch.</summary>
    public IEnumerable<IReadOnlyList<ScoredRequest>> ScoreShared(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var group in requests.GroupBy(r => r.Prompt.Prefix(r.Prompt.Shots.Count), StringComparer.Ordinal))
        {
            // Tokenizing (prompt, then prompt + each continuation) costs about as much as decoding on small
            // models; llama.cpp's tokenizer is thread-safe, so plan the group on all cores.
            var plans = PlanInParallel(group);
            foreach (var byShots in plans.GroupBy(p => p.Shots))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var first = byShots.First();
                var prefix = planner.Tokenize(first.Request.Prompt.Prefix(first.Shots));
                // A question needing more sequences than fit beside the prefix (sequence 0) is scored alone.
                var shared = byShots.Where(p => p.CanShare(prefix) && 1 + p.Sequences <= maxSequences).ToList();
                var alone = byShots.Where(p => !(p.CanShare(prefix) && 1 + p.Sequences <= maxSequences)).ToList();
                Statistics.Fallbacks += alone.Count(p => p.Windows is null);
                if (shared.Count > 0)
                {
                    foreach (var results in ScoreGroup(prefix, shared, cancellationToken))
                    {
                        yield return results;
                    }
                }

                foreach (var plan in alone)
                {
                    yield return [ScoreAlone(plan, cancellationToken)];
                }
            }
        }
    }

    /// <summary>The reference path: every prompt decoded in full on its own (the KV cache cleared between).</summary>
    public IEnumerable<IReadOnlyList<ScoredRequest>> ScoreFromScratch(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            yield return [ScoreAlone(Plan(request), cancellationToken)];
        }
    }

    private QuestionPlan Plan(ScoreRequest request)
    {
        var plan = planner.Plan(request);
        Count(plan);
        return plan;
    }

    private List<QuestionPlan> PlanInParallel(IEnumerable<ScoreRequest> requests)
    {
        List<QuestionPlan> plans;
        try
        {
            plans = requests.AsParallel().AsOrdered().Select(planner.Plan).ToList();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }

        plans.ForEach(Count);
        return plans;
    }

    private void Count(QuestionPlan plan)
    {
        Statistics.Requests++;
        if (plan.Shots < plan.Request.Prompt.Shots.Count)
        {
            Statistics.Truncated++;
        }

        if (plan.TruncatedTokens > 0)
        {
            Statistics.LeftTruncated++;
        }
    }

    private IEnumerable<IReadOnlyList<ScoredRequest>> ScoreGroup(int[] prefix, List<QuestionPlan> plans, CancellationToken cancellationToken)
    {
        _queue.Clear();
        context.MemoryClear(true);
        var sequenceZero = new[] { LLamaSeqId.Zero };
        for (var p = 0; p < prefix.Length; p++)
        {
            _queue.Add(prefix[p], p, sequenceZero, null);
        }

        long prefixTokens = _queue.Flush(cancellationToken);
        Statistics.PrefixGroups++;
        Statistics.PrefixTokens += prefixTokens;

        var batch = new List<QuestionPlan>();
        int sequences = 1, cells = prefix.Length;
        foreach (var plan in plans)
        {
            var fits = batch.Count < maxQuestions
                && sequences + plan.Sequences <= maxSequences
                && cells + plan.Cells(prefix.Length) <= ContextSize;
            if (!fits && batch.Count > 0)
            {
                yield return Run(batch, prefix.Length, 1, prefixTokens, cancellationToken);
                prefixTokens = 0;
                batch.Clear();
                (sequences, cells) = (1, prefix.Length);
            }

            batch.Add(plan);
            sequences += plan.Sequences;
            cells += plan.Cells(prefix.Length);
        }

        if (batch.Count > 0)
        {
            yield return Run(batch, prefix.Length, 1, prefixTokens, cancellationToken);
        }

        context.MemoryClear(true);
    }

    private ScoredRequest ScoreAlone(QuestionPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Windows is not { } windows)
        {
            return ScoreWindow(plan, cancellationToken);
        }

        // A left-truncated question: each window holds some continuations; the others score 0 there.
        var sums = new double[plan.Continuations.Count];
        long tokens = 0;
        foreach (var window in windows)
        {
            var part = ScoreWindow(window, cancellationToken);
            tokens += part.TokensDecoded;
            for (var j = 0; j < sums.Length; j++)
            {
                sums[j] += part.LogProbabilities[j];
            }
        }

        return new ScoredRequest(plan.Request.Id, sums, plan.Shots, tokens, plan.TruncatedTokens);
    }

    private ScoredRequest ScoreWindow(QuestionPlan plan, CancellationToken cancellationToken)
    {
        context.MemoryClear(true);
        var result = Run([plan], 0, 0, 0, cancellationToken)[0];
        context.MemoryClear(true);
        return result;
    }

    /// <summary>
    /// Decodes the questions' tokens after a prefix of <paramref name="prefixLength"/> tokens held by sequence 0
    /// (copied to each question's sequences when <paramref name="firstSequence"/> is 1), then frees their sequences.
    /// </summary>
    private List<ScoredRequest> Run(List<QuestionPlan> plans, int prefixLength, int firstSequence, long prefixTokens, CancellationToken cancellationToken)
    {
        _queue.Clear();
        if (firstSequence + plans.Sum(p => p.Sequences) > maxSequences)
        {
            // llama.cpp aborts the process on a sequence id beyond n_seq_max; refuse first. ScoreShared sends
            // questions that do not fit beside the prefix to the alone path, so this is only reached when even
            // a question on its own needs more sequences than the context has.
            var widest = plans.MaxBy(p => p.Sequences)!;
            throw new InvalidOperationException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"Request '{widest.Request.Id}' needs {firstSequence + widest.Sequences} sequences (one per multi-token answer, plus the prompt); the batch size allows {maxSequences}."));
        }

        var sums = new List<double[]>(plans.Count);
        var owned = new List<int>();
        var cost = new long[plans.Count];
        var next = firstSequence;
        for (var q = 0; q < plans.Count; q++)
        {
            var plan = plans[q];
            var ids = Enumerable.Range(next, plan.Sequences).ToArray();
            next += ids.Length;
            if (firstSequence > 0)
            {
                foreach (var id in ids)
                {
                    context.MemorySequenceCopy(LLamaSeqId.Zero, (LLamaSeqId)id, -1, -1);
                }
            }

            owned.AddRange(ids);
            var before = _queue.Count;
            sums.Add(Enqueue(plan, prefixLength, ids));
            cost[q] = _queue.Count - before;
        }

        try
        {
            var decoded = _queue.Flush(cancellationToken);
            Statistics.QuestionTokens += decoded;
        }
        finally
        {
            foreach (var id in owned)
            {
                context.MemorySequenceRemove((LLamaSeqId)id, -1, -1);
            }
        }

        cost[0] += prefixTokens;
        return [.. plans.Select((p, q) => new ScoredRequest(p.Request.Id, sums[q], p.Shots, cost[q]))];
    }

    /// <summary>
    /// Queues one question: its prompt tokens after the prefix in its main sequence (shared with each branch up to
    /// where that continuation diverges), then each multi-token continuation's own tokens in its branch.
    /// </summary>
    private double[] Enqueue(QuestionPlan plan, int prefixLength, int[] ids)
    {
        var continuations = plan.Continuations;
        var sums = new double[continuations.Count];
        var branchOf = new int[continuations.Count];
        var nextBranch = 1;
        for (var j = 0; j < continuations.Count; j++)
        {
            branchOf[j] = continuations[j].BranchTokens > 0 ? ids[nextBranch++] : -1;
        }

        var prompt = plan.PromptTokens;
        for (var pos = prefixLength; pos < prompt.Length; pos++)
        {
            var members = new List<LLamaSeqId> { (LLamaSeqId)ids[0] };
            List<LogitRead>? reads = null;
            for (var j = 0; j < continuations.Count; j++)
            {
                var c = continuations[j];
                if (branchOf[j] >= 0 && pos < c.Common)
                {
                    members.Add((LLamaSeqId)branchOf[j]);
                }

                if (pos == c.Common - 1 && c.Tokens.Length > 0)
                {
                    (reads ??= []).Add(new LogitRead(sums, j, c.Tokens[0]));
                }
            }

            _queue.Add(prompt[pos], pos, [.. members], reads);
        }

        for (var j = 0; j < continuations.Count; j++)
        {
            var c = continuations[j];
            var branch = new[] { (LLamaSeqId)branchOf[j] };
            for (var t = 0; t < c.BranchTokens; t++)
            {
                _queue.Add(c.Tokens[t], c.Common + t, branch, [new LogitRead(sums, j, c.Tokens[t + 1])]);
            }
        }

        return sums;
    }
}
