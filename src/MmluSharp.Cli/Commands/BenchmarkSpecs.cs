using MmluSharp.Benchmarks;

namespace MmluSharp.Cli.Commands;

/// <summary>
/// <c>--benchmark</c> as a registered name, or as the path of a benchmark spec (<see cref="CsvBenchmark"/>), which is
/// loaded and registered once per process: the same file always gives the same benchmark.
/// </summary>
internal static class BenchmarkSpecs
{
    private static readonly Dictionary<string, CsvBenchmark> Loaded = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> names a spec file rather than a registered benchmark.</summary>
    public static bool IsSpec(string value) => value.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || value.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The benchmark <paramref name="value"/> names, loading and registering a spec file; null for an unknown name.</summary>
    /// <exception cref="Datasets.DatasetException">The spec file is missing or invalid; names it.</exception>
    public static IBenchmark? Resolve(string value)
    {
        if (!IsSpec(value))
        {
            return BenchmarkRegistry.Default.Find(value);
        }

        var path = Path.GetFullPath(value);
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(path, out var benchmark))
            {
                benchmark = CsvBenchmark.Load(path);
                BenchmarkRegistry.Default.Register(benchmark);
                Loaded[path] = benchmark;
            }

            return benchmark;
        }
    }
}
