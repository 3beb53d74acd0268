using System.Globalization;
using MmluSharp.Models.Generation;

namespace MmluSharp.LlamaCpp.Generation;

/// <summary>
/// Fits each prompt and its reply into the context: the last shots are dropped until the prompt leaves room for
/// <see cref="GenerationRequest.MaxTokens"/> tokens, as TIGER-AI-Lab's <c>evaluate_from_local.py</c> does (and Hendrycks'
/// evaluate.py for letters); a zero-shot prompt that still does not fit keeps its last tokens, as lm-evaluation-harness
/// cuts the context of <c>generate_until</c> to <c>max_length - max_gen_toks</c>.
/// </summary>
internal sealed class GenerationPlanner(Func<string, bool, int[]> tokenize, int contextSize)
{
    public int ContextSize => contextSize;

    public int[] Tokenize(string text, bool special) => tokenize(text, special);

    /// <exception cref="LlamaCppOptionException">The reply alone would fill the context.</exception>
    public GenerationPlan Plan(GenerationRequest request)
    {
        var budget = contextSize - request.MaxTokens;
        if (budget < 1)
        {
            throw new LlamaCppOptionException(nameof(LlamaCppOptions.ContextSize), contextSize, string.Create(
                CultureInfo.InvariantCulture,
                $"too small for replies of up to {request.MaxTokens} tokens: the prompt needs room too (ask for fewer tokens or a larger context)"));
        }

        var prompt = request.Prompt;
        for (var k = prompt.Shots.Count; ; k--)
        {
            var tokens = tokenize(prompt.Render(k), prompt.Templated);
            if (tokens.Length <= budget)
            {
                return new GenerationPlan(request, k, tokens, 0);
            }

            if (k == 0)
            {
                return new GenerationPlan(request, 0, tokens[^budget..], tokens.Length - budget);
            }
        }
    }
}
