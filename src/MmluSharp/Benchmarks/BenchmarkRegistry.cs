namespace MmluSharp.Benchmarks;

/// <summary>The benchmarks <c>mmlu run --benchmark</c> knows.</summary>
public static class BenchmarkRegistry
{
    private static readonly IBenchmark[] Known =
    [
        new MmluBenchmark(),
        new Cmmlu.CmmluBenchmark(),
        new MmluPro.MmluProBenchmark(),
        new MmluRedux.MmluReduxBenchmark(),
    ];

    /// <summary>Every known benchmark, MMLU first.</summary>
    public static IReadOnlyList<IBenchmark> All => Known;

    /// <summary>The benchmark called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No benchmark has that name.</exception>
    public static IBenchmark Get(string name) =>
        Known.FirstOrDefault(b => b.Name == name)
        ?? throw new ArgumentException($"unknown benchmark '{name}'; known: {string.Join(", ", Known.Select(b => b.Name))}.");
}
