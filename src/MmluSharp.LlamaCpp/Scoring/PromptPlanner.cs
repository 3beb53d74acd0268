using System.Diagnostics;
using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>
/// Tokenizes requests and drops the last shots until a prompt and its continuations fit the context, as
/// Hendrycks' evaluate.py does. Only decoded tokens count: a continuation's last token is scored but never
/// decoded, so a prompt of exactly the context size keeps its shots. Continuation tokens are always taken from <c>tokens(prompt + continuation)</c>,
/// never from the continuation alone (SentencePiece would add a dummy-prefix space).
/// A prompt that does not fit even with no shots is cut from the left as lm-evaluation-harness does
/// (<see cref="LeftTruncation"/>).
/// </summary>
internal sealed class PromptPlanner(Func<string, int[]> tokenize, int contextSize)
{
    public int ContextSize => contextSize;

    public int[] Tokenize(string text) => tokenize(text);

    public QuestionPlan Plan(ScoreRequest request)
    {
        var prompt = request.Prompt;
        for (var k = prompt.Shots.Count; k >= 0; k--)
        {
            var text = prompt.Render(k);
            var tokens = tokenize(text);
            if (tokens.Length > contextSize && k > 0)
            {
                continue;
            }

            var continuations = request.Continuations.Select(c => PlanContinuation(request, tokens, tokenize(text + c))).ToArray();
            var plan = new QuestionPlan(request, k, tokens, continuations);
            if (plan.Cells(0) <= contextSize && continuations.All(c => c.Common + c.BranchTokens <= contextSize))
            {
                return plan;
            }

            if (k == 0)
            {
                return LeftTruncation.Plan(plan, contextSize);
            }
        }

        throw new UnreachableException();
    }

    private static ContinuationPlan PlanContinuation(ScoreRequest request, int[] prompt, int[] full)
    {
        var common = prompt.AsSpan().CommonPrefixLength(full);
        if (common == 0 && full.Length > 0)
        {
            throw new InvalidOperationException($"Request '{request.Id}': the prompt tokenizes to nothing shared with its continuation, so the first token cannot be scored.");
        }

        return new ContinuationPlan(common, full[common..]);
    }
}
