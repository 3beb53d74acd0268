using MmluSharp.Datasets.Download;
using MmluSharp.Running;

namespace MmluSharp.Benchmarks;

/// <summary>
/// A benchmark as data: its name and title, the splits and prompt styles it knows, where its data comes from, and how
/// it reads its questions, renders their prompts, groups its subjects and analyses a run (<see cref="Plan"/>). Register
/// your own in <see cref="BenchmarkRegistry.Default"/> to evaluate it by name from C# and from <c>mmlu</c>; for a
/// benchmark of CSV files, <see cref="CsvBenchmark.Load"/> reads one from a small JSON spec.
/// </summary>
public interface IBenchmark
{
    /// <summary>The name used in options, on the command line and in results, e.g. <c>mmlu</c>.</summary>
    string Name { get; }

    /// <summary>The name people know it by, for report titles, e.g. <c>MMLU-Pro</c>.</summary>
    string Title => Name;

    /// <summary>The splits it can ask, e.g. <c>test</c>, <c>val</c>, <c>dev</c>.</summary>
    IReadOnlyList<string> Splits { get; }

    /// <summary>The prompt styles it can render; the first is the default.</summary>
    IReadOnlyList<string> Styles { get; }

    /// <summary>Where <c>mmlu datasets download</c> fetches its data from; null when it cannot be downloaded.</summary>
    DatasetSource? Source => null;

    /// <summary>Its data when the options name none, e.g. a folder beside its spec; null: the download cache.</summary>
    string? DefaultData => null;

    /// <summary>Reads the data <paramref name="request"/> names and renders every question's prompt.</summary>
    /// <param name="request">The data, split, shots, style, subjects and limits asked for.</param>
    /// <exception cref="Datasets.DatasetException">The data is missing or malformed.</exception>
    /// <exception cref="OptionException">The request does not fit this benchmark (style, split, shots); names the option.</exception>
    BenchmarkPlan Plan(PlanRequest request);
}
