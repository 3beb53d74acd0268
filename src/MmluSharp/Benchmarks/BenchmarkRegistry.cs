namespace MmluSharp.Benchmarks;

/// <summary>
/// The benchmarks evaluations and <c>mmlu</c> know by name: MMLU, CMMLU, MMLU-Pro and MMLU-Redux, and those registered
/// with <see cref="Register"/> (your own <see cref="IBenchmark"/>, or a <see cref="CsvBenchmark"/> from a spec file).
/// Safe to use from several threads.
/// </summary>
public sealed class BenchmarkRegistry
{
    private readonly Lock gate = new();
    private readonly List<IBenchmark> benchmarks;

    /// <summary>Creates a registry holding <paramref name="benchmarks"/>.</summary>
    /// <param name="benchmarks">The benchmarks, in the order they are listed.</param>
    public BenchmarkRegistry(IEnumerable<IBenchmark> benchmarks)
    {
        ArgumentNullException.ThrowIfNull(benchmarks);
        this.benchmarks = [];
        foreach (var benchmark in benchmarks)
        {
            Register(benchmark);
        }
    }

    /// <summary>The registry <see cref="EvaluationOptions.Benchmark"/> is looked up in: the built-in benchmarks, MMLU first, and those registered since.</summary>
    public static BenchmarkRegistry Default { get; } = new(
    [
        new MmluBenchmark(),
        new Cmmlu.CmmluBenchmark(),
        new MmluPro.MmluProBenchmark(),
        new MmluRedux.MmluReduxBenchmark(),
    ]);

    /// <summary>Every benchmark, in the order registered.</summary>
    public IReadOnlyList<IBenchmark> All
    {
        get
        {
            lock (gate)
            {
                return [.. benchmarks];
            }
        }
    }

    /// <summary>The names, in order, for messages and help: <c>mmlu, cmmlu, …</c>.</summary>
    public string Names => string.Join(", ", All.Select(b => b.Name));

    /// <summary>Adds <paramref name="benchmark"/>; registering the same instance again does nothing.</summary>
    /// <param name="benchmark">The benchmark.</param>
    /// <exception cref="OptionException">Another benchmark has its name (names <c>Benchmark</c>).</exception>
    public void Register(IBenchmark benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        lock (gate)
        {
            var same = benchmarks.Find(b => string.Equals(b.Name, benchmark.Name, StringComparison.Ordinal));
            if (same is null)
            {
                benchmarks.Add(benchmark);
            }
            else if (!ReferenceEquals(same, benchmark))
            {
                throw new OptionException(nameof(EvaluationOptions.Benchmark), $"'{benchmark.Name}' is already registered; give the new one another name.");
            }
        }
    }

    /// <summary>The benchmark called <paramref name="name"/>, or null.</summary>
    /// <param name="name">Its name, e.g. <c>cmmlu</c>.</param>
    public IBenchmark? Find(string name)
    {
        lock (gate)
        {
            return benchmarks.Find(b => string.Equals(b.Name, name, StringComparison.Ordinal));
        }
    }

    /// <summary>The benchmark called <paramref name="name"/>.</summary>
    /// <param name="name">Its name, e.g. <c>cmmlu</c>.</param>
    /// <exception cref="OptionException">No benchmark has that name; the message lists them (names <c>Benchmark</c>).</exception>
    public IBenchmark Get(string name) =>
        Find(name) ?? throw new OptionException(nameof(EvaluationOptions.Benchmark), $"must be one of {Names}, not '{name}'.");
}
