using System.Globalization;
using MmluSharp.Running;

namespace MmluSharp.Benchmarks;

/// <summary>The checks every benchmark makes of a request before reading data, each naming the option at fault.</summary>
internal static class PlanChecks
{
    /// <summary>The style asked for, or the benchmark's default (the first of <paramref name="styles"/>).</summary>
    /// <exception cref="OptionException">The benchmark has no such style; the message lists them.</exception>
    public static string Style(PlanRequest request, string benchmark, IReadOnlyList<string> styles)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Style is null)
        {
            return styles[0];
        }

        return styles.FirstOrDefault(s => string.Equals(s, request.Style, StringComparison.OrdinalIgnoreCase))
            ?? throw new OptionException(nameof(EvaluationOptions.Style), $"for {benchmark} must be one of {string.Join(", ", styles)}, not '{request.Style}'.");
    }

    /// <summary>Shots between 0 and <paramref name="max"/>; <paramref name="why"/> says where the limit comes from.</summary>
    /// <exception cref="OptionException">Out of range.</exception>
    public static void Shots(PlanRequest request, int max, string why)
    {
        if (request.Shots < 0 || request.Shots > max)
        {
            throw new OptionException(nameof(EvaluationOptions.Shots), string.Create(CultureInfo.InvariantCulture, $"must be between 0 and {max} ({why})."));
        }
    }

    /// <summary>The split is one of <paramref name="splits"/>.</summary>
    /// <exception cref="OptionException">It is not; the message lists them.</exception>
    public static void Split(PlanRequest request, string benchmark, params string[] splits)
    {
        if (!splits.Contains(request.Split, StringComparer.Ordinal))
        {
            var choices = splits.Length == 1 ? splits[0] + $" (its only split)" : string.Join(", ", splits[..^1]) + " or " + splits[^1];
            throw new OptionException(nameof(EvaluationOptions.Split), $"for {benchmark} must be {choices}, not '{request.Split}'.");
        }
    }

    /// <summary>No permutation: <paramref name="why"/> says why the benchmark cannot rotate options.</summary>
    /// <exception cref="OptionException">One was asked for.</exception>
    public static void NoPermutation(PlanRequest request, string why)
    {
        if (request.Permute is not null)
        {
            throw new OptionException(nameof(EvaluationOptions.Permutation), why);
        }
    }

    /// <summary>No permutation, or <see cref="AnswerOrder.Cyclic"/>.</summary>
    /// <exception cref="OptionException">Another one was asked for.</exception>
    public static void Permutation(PlanRequest request)
    {
        if (request.Permute is not (null or AnswerOrder.Cyclic))
        {
            throw new OptionException(nameof(EvaluationOptions.Permutation), $"must be {AnswerOrder.Cyclic}, not '{request.Permute}'.");
        }
    }
}
