using System.Globalization;

namespace MmluSharp.Running;

/// <summary>
/// Slice <paramref name="Index"/> of <paramref name="Count"/> (1-based) of a run's questions: every Count-th
/// question of the plan, starting at the Index-th, so each shard gets a share of every subject.
/// </summary>
/// <param name="Index">Which slice, from 1.</param>
/// <param name="Count">How many slices.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>Parses <c>i/n</c>, e.g. <c>2/4</c>.</summary>
    /// <exception cref="OptionException">Not of the form i/n with 1 ≤ i ≤ n.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        throw new OptionException(nameof(EvaluationOptions.Shard), $"must be i/n with 1 ≤ i ≤ n (e.g. 2/4), not '{text}'.");
    }

    /// <summary>This shard's questions of <paramref name="questions"/>: every Count-th, starting at the Index-th.</summary>
    public IReadOnlyList<T> Select<T>(IReadOnlyList<T> questions) => [.. questions.Where((_, position) => position % Count == Index - 1)];

    /// <summary>What the shard adds to its run folder's default name: <c>-shard2of4</c>.</summary>
    public string FolderSuffix => string.Create(CultureInfo.InvariantCulture, $"-shard{Index}of{Count}");

    /// <summary>The settings key under which a shard is recorded in <c>run.json</c>.</summary>
    public const string SettingName = "shard";

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
