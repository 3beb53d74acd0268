using MmluSharp.LlamaCpp;
using MmluSharp.Models;

namespace MmluSharp.Bench;

/// <summary>The questions of a benchmark run, built exactly as <c>mmlu run</c> builds them, and what they cost to decode.</summary>
internal sealed record Workload(EvaluationPlan Plan, IReadOnlyList<ScoreRequest> Requests)
{
    /// <summary>MMLU's test split, <paramref name="shots"/>-shot, original prompts; all subjects when <paramref name="subjects"/> is null.</summary>
    public static Workload Mmlu(string data, IReadOnlyCollection<string>? subjects, int shots)
    {
        var plan = EvaluationPlan.Create(new EvaluationOptions { Data = data, Shots = shots, Subjects = subjects?.ToList() });
        return new Workload(plan, [.. plan.Questions.Select(q => new ScoreRequest(q.Key, q.Prompt, q.Continuations))]);
    }

    /// <summary>The subjects, in order.</summary>
    public IReadOnlyList<string> Subjects => [.. Plan.Questions.Select(q => q.Question.Subject).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Tokens of every full prompt, and the unique tokens sharing cannot avoid: per subject and number of shots kept,
    /// the tokens all its prompts start with, once, then each question's own tokens and the tokens of its multi-token
    /// answers but their last (the engine's planner: the full rule, and its truncation).
    /// </summary>
    public TokenCounts Count(LlamaCppModel model, IReadOnlyList<ScoreRequest>? requests = null)
    {
        long full = 0, prefixes = 0, questions = 0;
        var plans = (requests ?? Requests).AsParallel().AsOrdered().Select(model.Engine.Planner.Plan).ToList();
        foreach (var group in plans.GroupBy(p => (p.Request.Prompt.Prefix(p.Request.Prompt.Shots.Count), p.Shots)))
        {
            var first = group.First().PromptTokens;
            var shared = group.Skip(1).Aggregate(first.Length - 1, (n, p) => Math.Min(n, first.AsSpan(0, n).CommonPrefixLength(p.PromptTokens)));
            prefixes += shared;
            foreach (var plan in group)
            {
                full += plan.PromptTokens.Length;
                questions += plan.Cells(shared);
            }
        }

        return new TokenCounts(full, prefixes, questions);
    }
}
