using MmluSharp.Results;

namespace MmluSharp.Reports.Comparison;

/// <summary>A run in a comparison: its results and, when <c>samples.jsonl</c> sits beside them, its samples.</summary>
/// <param name="Label">How tables name the run.</param>
/// <param name="Path">The <c>results.json</c> it was read from.</param>
/// <param name="Results">The run's results.</param>
/// <param name="Samples">The run's samples, or null without a <c>samples.jsonl</c>.</param>
public sealed record ComparedRun(string Label, string Path, RunResults Results, IReadOnlyList<Sample>? Samples)
{
    /// <summary>Reads <paramref name="resultsPath"/> and the <c>samples.jsonl</c> beside it, if any.</summary>
    /// <param name="resultsPath">A <c>results.json</c>.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">It is not a results file.</exception>
    public static ComparedRun Load(string resultsPath)
    {
        if (!File.Exists(resultsPath))
        {
            throw new FileNotFoundException($"{resultsPath}: not found", resultsPath);
        }

        var results = ResultsJson.Read(resultsPath);
        var samplesPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(resultsPath))!, "samples.jsonl");
        var samples = File.Exists(samplesPath) ? SampleLog.ReadAll(samplesPath) : null;
        return new ComparedRun(results.Model.Name, resultsPath, results, samples);
    }

    /// <summary>Gives every run a distinct label: the model name, else the run folder's name, else a number.</summary>
    internal static IReadOnlyList<ComparedRun> WithDistinctLabels(IReadOnlyList<ComparedRun> runs)
    {
        var byModel = runs.Select(r => r.Results.Model.Name).ToList();
        var labels = byModel.Distinct(StringComparer.Ordinal).Count() == runs.Count
            ? byModel
            : runs.Select(r => System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(r.Path))) ?? r.Path).ToList();
        if (labels.Distinct(StringComparer.Ordinal).Count() != runs.Count)
        {
            labels = [.. labels.Select((l, i) => $"{l} #{InvariantNumbers.Int(i + 1)}")];
        }

        return [.. runs.Select((r, i) => r with { Label = labels[i] })];
    }
}
