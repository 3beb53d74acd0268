using System.Globalization;
using System.Text.Json;
using MmluSharp.OpenAI.Wire;

namespace MmluSharp.OpenAI.Scoring;

/// <summary>
/// The letter adapters' answer check (<see cref="Http.AnswerCheck.Key"/>): a log-probability is at most 0, and −∞
/// (probability 0) is legal. NaN or +∞ (servers spell them <c>"NaN"</c>, <c>"Infinity"</c>, or bare) mean a broken
/// answer, which is retried and never cached. A value sent as <c>null</c> (what C++ servers write for any
/// non-finite number) carries nothing, and its token is left out.
/// </summary>
internal static class LogprobCheck
{
    /// <summary>Why <paramref name="body"/> is broken, or null.</summary>
    public static string? Problem(byte[] body)
    {
        ApiResponse? answer;
        try
        {
            answer = JsonSerializer.Deserialize(body, WireJson.Default.ApiResponse);
        }
        catch (JsonException)
        {
            return null; // Not OpenAI-shaped: the adapter says so when it reads the answer.
        }

        foreach (var value in Values(answer))
        {
            if (double.IsNaN(value) || double.IsPositiveInfinity(value))
            {
                return string.Create(CultureInfo.InvariantCulture, $"answered a log-probability of {value}, a broken answer");
            }
        }

        return null;
    }

    private static IEnumerable<double> Values(ApiResponse? answer)
    {
        foreach (var logprobs in (answer?.Choices ?? []).Select(c => c.Logprobs).OfType<ApiLogprobs>())
        {
            foreach (var token in logprobs.Content ?? [])
            {
                yield return token.Logprob ?? 0;
                foreach (var top in token.TopLogprobs ?? [])
                {
                    yield return top.Logprob ?? 0;
                }
            }

            foreach (var value in logprobs.TokenLogprobs ?? [])
            {
                yield return value ?? 0;
            }

            foreach (var dictionary in logprobs.TopLogprobs ?? [])
            {
                foreach (var value in (dictionary ?? []).Values)
                {
                    yield return value ?? 0;
                }
            }
        }
    }
}
