using MmluSharp.Running;

namespace MmluSharp.Benchmarks;

/// <summary>
/// A benchmark as data: how to read its questions, the prompt styles it knows and how its subjects group.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name used on the command line and in results, e.g. <c>mmlu</c>.</summary>
    string Name { get; }

    /// <summary>The prompt styles it can render; the first is the default.</summary>
    IReadOnlyList<string> Styles { get; }

    /// <summary>Reads the data <paramref name="request"/> names and renders every question's prompt.</summary>
    /// <exception cref="Datasets.DatasetException">The data is missing or malformed.</exception>
    /// <exception cref="ArgumentException">The request does not fit this benchmark (style, split, shots).</exception>
    BenchmarkPlan Plan(PlanRequest request);
}
