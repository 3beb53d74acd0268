using MmluSharp.Benchmarks;

namespace MmluSharp.Datasets.Download;

/// <summary>The data sources of the registered benchmarks: what <c>mmlu datasets download</c> can fetch.</summary>
internal static class Sources
{
    /// <summary>Every registered benchmark's source, in registry order.</summary>
    public static IReadOnlyList<DatasetSource> All =>
        [.. BenchmarkRegistry.Default.All.Select(b => b.Source).OfType<DatasetSource>()];

    /// <summary>The names, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(s => s.Name));

    /// <summary>The source of the benchmark called <paramref name="name"/>.</summary>
    /// <exception cref="DatasetException">No registered benchmark has that name, or it has no source.</exception>
    public static DatasetSource Get(string name) =>
        BenchmarkRegistry.Default.Find(name)?.Source
        ?? throw new DatasetException($"unknown dataset '{name}': choose one of {Names}");
}
