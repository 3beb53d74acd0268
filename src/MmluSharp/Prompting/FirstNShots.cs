using System.Globalization;

namespace MmluSharp.Prompting;

/// <summary>
/// lm-evaluation-harness' <c>first_n</c> few-shot sampler (<c>ContextSampler.get_context</c> with
/// <c>FirstNSampler.sample</c>): the first K rows of the few-shot split, in order. When the questions come from that
/// split too, it draws K + 1 rows, drops every one equal to the question under test and keeps the first K, so a
/// question never shows its own answer; a split with fewer than K + 1 rows cannot give K shots.
/// </summary>
internal static class FirstNShots
{
    /// <summary>Rows of the few-shot split needed for <paramref name="shots"/> examples.</summary>
    public static int RowsNeeded(int shots, bool sameSplit) => shots == 0 ? 0 : sameSplit ? shots + 1 : shots;

    /// <summary>The examples for <paramref name="question"/>, drawn from <paramref name="pool"/> in order.</summary>
    /// <param name="pool">The few-shot split's rows of the question's subject, in file order.</param>
    /// <param name="question">The question under test.</param>
    /// <param name="shots">How many examples were asked for.</param>
    /// <param name="sameSplit">Whether <paramref name="question"/> comes from the few-shot split itself.</param>
    /// <param name="comparer">lm-eval's <c>x != doc</c>: equal rows are left out, the question's duplicates too.</param>
    public static IReadOnlyList<T> Select<T>(IReadOnlyList<T> pool, T question, int shots, bool sameSplit, IEqualityComparer<T> comparer)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(comparer);
        var drawn = pool.Take(RowsNeeded(shots, sameSplit));
        return [.. (sameSplit ? drawn.Where(row => !comparer.Equals(row, question)) : drawn).Take(shots)];
    }

    /// <summary>Throws when <paramref name="rows"/> few-shot rows of a subject cannot give <paramref name="shots"/> examples.</summary>
    /// <param name="rows">The few-shot split's rows of the subject.</param>
    /// <param name="shots">How many examples were asked for.</param>
    /// <param name="sameSplit">Whether the questions come from the few-shot split itself.</param>
    /// <param name="split">The few-shot split's name.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="tooFewRows">The benchmark's error naming its file, when the questions come from another split.</param>
    /// <exception cref="OptionException">The questions' own split cannot leave each question out of K examples.</exception>
    public static void EnsureEnough(int rows, int shots, bool sameSplit, string split, string subject, Func<Exception> tooFewRows)
    {
        ArgumentNullException.ThrowIfNull(tooFewRows);
        if (rows < RowsNeeded(shots, sameSplit))
        {
            throw sameSplit ? Shortfall(split, subject, rows, shots) : tooFewRows();
        }
    }

    private static OptionException Shortfall(string split, string subject, int rows, int shots)
    {
        var (shotsOption, splitOption) = (OptionException.Mention(nameof(EvaluationOptions.Shots)), OptionException.Mention(nameof(EvaluationOptions.Split)));
        return OptionException.Mentioning(
            nameof(EvaluationOptions.Shots),
            $"{shots} with {splitOption} {split}: lm-eval's first_n sampler leaves each question out of its own examples, so it needs {RowsNeeded(shots, true)} {split} rows of {subject} and there are {rows}; use {shotsOption} {Math.Max(0, rows - 1)} or fewer.");
    }
}
