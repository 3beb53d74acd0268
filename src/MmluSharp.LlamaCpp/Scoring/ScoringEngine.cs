using System.Diagnostics;
using MmluSharp.LlamaCpp.Batching;
using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>
/// Scores requests on one llama.cpp context. Shared-prefix path: requests are grouped by header + shots; each group's
/// prefix is decoded once and its questions continue it on sequences of their own, streamed through full batches by
/// <see cref="DecodeScheduler"/>. The next group is tokenized on another thread while the current one decodes. A
/// question that cannot share (too many branch sequences, or left-truncated) is decoded from its start. With
/// <c>oneAtATime</c> one question is in flight at a time, each batch holding its tokens alone, so its numbers do not
/// depend on the other questions of the run (with an F32 cache and no flash attention they equal those of decoding it
/// alone). Not thread-safe.
/// </summary>
internal sealed class ScoringEngine(PromptPlanner planner, DecodeScheduler scheduler, bool oneAtATime, ScoringStatistics statistics)
{
    public ScoringStatistics Statistics => statistics;

    public int ContextSize => planner.ContextSize;

    /// <summary>How requests are tokenized and fitted (for the benchmark's token counts).</summary>
    public PromptPlanner Planner => planner;

    /// <summary>The shared-prefix path. Yields results as they are finished, decode by decode.</summary>
    public IEnumerable<IReadOnlyList<ScoreResponse>> ScoreShared(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken) =>
        Results(scheduler.Run(GroupWorks(requests, cancellationToken), oneAtATime, cancellationToken));

    /// <summary>The reference path: every prompt decoded in full on its own, one at a time.</summary>
    public IEnumerable<IReadOnlyList<ScoreResponse>> ScoreFromScratch(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken) =>
        Results(scheduler.Run(requests.SelectMany(r => AloneWorks(Plan(r))), oneAtATime: true, cancellationToken));

    private static IEnumerable<IReadOnlyList<ScoreResponse>> Results(IEnumerable<IReadOnlyList<IDecodeWork>> finished)
    {
        foreach (var works in finished)
        {
            var results = works.OfType<LetterWork>().Select(w => w.Request.Finish()).OfType<ScoreResponse>().ToList();
            if (results.Count > 0)
            {
                yield return results;
            }
        }
    }

    // Each group's works in order, the next group planned on the thread pool while the scheduler decodes this one.
    private IEnumerable<IDecodeWork> GroupWorks(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken)
    {
        var groups = requests.GroupBy(r => r.Prompt.Prefix(r.Prompt.Shots.Count), StringComparer.Ordinal).ToList();
        Task<List<IDecodeWork>>? next = null;
        try
        {
            for (var g = 0; g < groups.Count; g++)
            {
                var current = next ?? PlanGroupAsync(groups[g], cancellationToken);
                next = g + 1 < groups.Count ? PlanGroupAsync(groups[g + 1], cancellationToken) : null;
                foreach (var work in Wait(current))
                {
                    yield return work;
                }
            }
        }
        finally
        {
            // The planner uses the model: never leave it running behind a caller that stopped.
            Settle(next);
        }
    }

    private static void Settle(Task? task)
    {
        try
        {
            task?.Wait();
        }
        catch (AggregateException)
        {
            // Its error (or cancellation) concerns a group nobody asked for any more.
        }
    }

    private Task<List<IDecodeWork>> PlanGroupAsync(IEnumerable<ScoreRequest> group, CancellationToken cancellationToken) =>
        Task.Run(() => PlanGroup(group, cancellationToken), cancellationToken);

    private List<IDecodeWork> Wait(Task<List<IDecodeWork>> task)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return task.GetAwaiter().GetResult();
        }
        finally
        {
            statistics.PlanningWait += Stopwatch.GetElapsedTime(started);
        }
    }

    // A group's works: per number of shots kept, the prefix all its prompts share, then the questions continuing it,
    // then those decoded from their start.
    private List<IDecodeWork> PlanGroup(IEnumerable<ScoreRequest> group, CancellationToken cancellationToken)
    {
        var plans = new List<QuestionPlan>();
        foreach (var request in group)
        {
            cancellationToken.ThrowIfCancellationRequested();
            plans.Add(Plan(request));
        }

        var works = new List<IDecodeWork>();
        foreach (var byShots in plans.GroupBy(p => p.Shots))
        {
            var prefix = SharedTokens(byShots.First());
            var sharing = byShots.Where(p => prefix.Length > 0 && p.CanShare(prefix) && 1 + p.Sequences <= scheduler.Sequences).ToList();
            var apart = byShots.Except(sharing).ToList();
            lock (statistics)
            {
                statistics.Fallbacks += apart.Count(p => p.Windows is null && prefix.Length > 0);
                statistics.PrefixGroups += sharing.Count > 0 ? 1 : 0;
            }
            if (sharing.Count > 0)
            {
                var shared = new SharedPrefix(prefix, sharing.Count);
                works.Add(shared);
                foreach (var plan in sharing)
                {
                    works.Add(new LetterWork(new LetterRequest(plan, 1) { Tokens = plan == sharing[0] ? prefix.Length : 0 }, plan, shared));
                }
            }

            works.AddRange(apart.SelectMany(AloneWorks));
        }

        return works;
    }

    // The tokens of the group's prefix text that its first prompt starts with (all of them when the tokenizer is
    // separable at the prefix's last newline; a BPE vocabulary may merge the prefix's final newlines differently).
    private int[] SharedTokens(QuestionPlan first)
    {
        var prompt = first.Request.Prompt;
        var tokens = planner.For(prompt).Prefix(prompt.Prefix(first.Shots));
        return tokens[..tokens.AsSpan().CommonPrefixLength(first.PromptTokens)];
    }

    private static IEnumerable<IDecodeWork> AloneWorks(QuestionPlan plan)
    {
        var windows = plan.Windows ?? [plan];
        var request = new LetterRequest(plan, windows.Count);
        return windows.Select(w => new LetterWork(request, w, prefix: null));
    }

    private QuestionPlan Plan(ScoreRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var plan = planner.Plan(request);
        lock (statistics)
        {
            statistics.Planning += Stopwatch.GetElapsedTime(started);
            statistics.Requests++;
            statistics.Truncated += plan.Shots < plan.Request.Prompt.Shots.Count ? 1 : 0;
            statistics.LeftTruncated += plan.TruncatedTokens > 0 ? 1 : 0;
        }

        return plan;
    }
}
