using System.Diagnostics;
using MmluSharp.Models;

namespace MmluSharp.LlamaCpp.Scoring;

/// <summary>
/// Tokenizes requests and drops the last shots until a prompt and its continuations fit the context, as
/// Hendrycks' evaluate.py does. Only decoded tokens count: a continuation's last token is scored but never
/// decoded, so a prompt of exactly the context size keeps its shots. Continuation tokens are always those of
/// <c>tokens(prompt + continuation)</c>, never of the continuation alone (SentencePiece would add a dummy-prefix
/// space); <see cref="PromptTokenizer"/> reads them from the prompt's last line where that is provably the same.
/// A prompt that does not fit even with no shots is cut from the left as lm-evaluation-harness does
/// (<see cref="LeftTruncation"/>). A prompt rendered by a chat template is tokenized by <paramref name="templated"/>, which
/// parses its special tokens (<c>&lt;|im_start|&gt;</c> …); other text never is.
/// </summary>
internal sealed class PromptPlanner(PromptTokenizer tokenizer, int contextSize, PromptTokenizer? templated = null)
{
    /// <summary>A planner that tokenizes everything in full with <paramref name="tokenize"/>.</summary>
    public PromptPlanner(Func<string, int[]> tokenize, int contextSize)
        : this(new PromptTokenizer(tokenize, NewlineRule.None), contextSize)
    {
    }

    public int ContextSize => contextSize;

    public PromptTokenizer Tokenizer => tokenizer;

    public int[] Tokenize(string text) => tokenizer.Tokenize(text);

    /// <summary>The tokenizer for <paramref name="prompt"/>: special tokens parsed when a chat template rendered it.</summary>
    public PromptTokenizer For(Prompting.Prompt prompt) => prompt.Templated && templated is not null ? templated : tokenizer;

    public QuestionPlan Plan(ScoreRequest request)
    {
        var prompt = request.Prompt;
        var tokenizer = For(prompt);
        for (var k = prompt.Shots.Count; k >= 0; k--)
        {
            var tokens = tokenizer.Prompt(prompt, k);
            if (tokens.Length > contextSize && k > 0)
            {
                continue;
            }

            var text = prompt.Render(k);
            var continuations = request.Continuations.Select(c => Checked(request, tokenizer.Continuation(text, tokens, c))).ToArray();
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

    private static ContinuationPlan Checked(ScoreRequest request, ContinuationPlan plan)
    {
        if (plan.Common == 0 && plan.Tokens.Length > 0)
        {
            throw new InvalidOperationException($"Request '{request.Id}': the prompt tokenizes to nothing shared with its continuation, so the first token cannot be scored.");
        }

        return plan;
    }
}
