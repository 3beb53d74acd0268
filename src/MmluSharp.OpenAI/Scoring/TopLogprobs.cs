using MmluSharp.OpenAI.Wire;

namespace MmluSharp.OpenAI.Scoring;

/// <summary>The tokens and log-probabilities a server lists for the first generated position, in either shape.</summary>
internal static class TopLogprobs
{
    /// <summary>The candidates, or null when the answer carries no top log-probabilities at all.</summary>
    public static List<(string Token, double Logprob)>? FirstPosition(ApiLogprobs? logprobs)
    {
        var candidates = new List<(string, double)>();
        if (logprobs?.Content is [var first, ..])
        {
            foreach (var top in first.TopLogprobs ?? [])
            {
                Add(candidates, top.Token, top.Logprob);
            }

            if (candidates.Count > 0)
            {
                Add(candidates, first.Token, first.Logprob);
            }
        }
        else if (logprobs?.TopLogprobs is [{ } dictionary, ..])
        {
            foreach (var (token, logprob) in dictionary)
            {
                Add(candidates, token, logprob);
            }

            if (candidates.Count > 0 && logprobs.Tokens is [var token0, ..] && logprobs.TokenLogprobs is [var logprob0, ..])
            {
                Add(candidates, token0, logprob0);
            }
        }

        return candidates.Count == 0 ? null : candidates;
    }

    /// <summary>The highest log-probability among candidates <paramref name="matches"/> accepts, or null.</summary>
    public static double? Best(List<(string Token, double Logprob)> candidates, Func<string, bool> matches)
    {
        double? best = null;
        foreach (var (token, logprob) in candidates)
        {
            if (matches(token) && (best is null || logprob > best))
            {
                best = logprob;
            }
        }

        return best;
    }

    private static void Add(List<(string, double)> candidates, string? token, double? logprob)
    {
        if (token is not null && logprob is double value && !double.IsNaN(value))
        {
            candidates.Add((token, value));
        }
    }
}
