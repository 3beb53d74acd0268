using System.Globalization;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>
/// lm-evaluation-harness' rule for an input longer than the context (HFLM <c>_loglikelihood_tokens</c>):
/// each continuation is scored on <c>(context + continuation)[-(max_length + 1):][:-1]</c>, the last tokens that fit
/// with the whole continuation, so the prompt loses tokens from the left (its BOS first) and nothing is added back.
/// Continuations whose windows start at the same token share a decode while their branches fit beside it.
/// </summary>
internal static class LeftTruncation
{
    /// <summary>Splits a zero-shot plan that does not fit into windows of at most <paramref name="contextSize"/> decoded tokens.</summary>
    /// <exception cref="LlamaCppOptionException">A continuation alone is longer than the context.</exception>
    public static QuestionPlan Plan(QuestionPlan whole, int contextSize)
    {
        var continuations = whole.Continuations;
        var windows = new List<(int Start, int End, int Cells, HashSet<int> Members)>();
        var truncated = 0;
        for (var j = 0; j < continuations.Count; j++)
        {
            var c = continuations[j];
            if (c.Tokens.Length > contextSize)
            {
                throw new LlamaCppOptionException(nameof(LlamaCppOptions.ContextSize), contextSize, string.Create(
                    CultureInfo.InvariantCulture,
                    $"too small for request '{whole.Request.Id}': its continuation '{whole.Request.Continuations[j]}' alone takes {c.Tokens.Length} tokens"));
            }

            // tokens(prompt + continuation) has Common + Tokens.Length tokens; all but the last are decoded.
            var start = Math.Max(0, c.Common + c.Tokens.Length - 1 - contextSize);
            truncated = Math.Max(truncated, start);
            var at = windows.FindIndex(w => w.Start == start && Math.Max(w.End, c.Common) - start + w.Cells + c.BranchTokens <= contextSize);
            if (at < 0)
            {
                windows.Add((start, c.Common, c.BranchTokens, [j]));
            }
            else
            {
                var w = windows[at];
                w.Members.Add(j);
                windows[at] = (start, Math.Max(w.End, c.Common), w.Cells + c.BranchTokens, w.Members);
            }
        }

        var plans = windows.Select(w => whole with
        {
            PromptTokens = whole.PromptTokens[w.Start..w.End],
            Continuations = [.. continuations.Select((c, j) => w.Members.Contains(j) ? c with { Common = c.Common - w.Start } : Empty)],
        }).ToList();
        return whole with { Windows = plans, TruncatedTokens = truncated };
    }

    // A continuation scored in another window: no token decoded or read here.
    private static readonly ContinuationPlan Empty = new(0, []);
}
