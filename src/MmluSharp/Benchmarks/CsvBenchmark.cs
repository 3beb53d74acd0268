using System.Text.Json;
using System.Text.RegularExpressions;
using MmluSharp.Benchmarks.Csv;
using MmluSharp.Datasets;
using MmluSharp.IO;
using MmluSharp.Prompting;
using MmluSharp.Running;

namespace MmluSharp.Benchmarks;

/// <summary>
/// A benchmark of your own, defined by a small JSON spec beside its CSV files: no code runs, so a spec from anywhere is
/// safe to use. Questions are in MMLU's layout (<c>&lt;data&gt;/&lt;split&gt;/&lt;subject&gt;_&lt;split&gt;.csv</c>,
/// headerless rows <c>question,A,B,…,answer</c> with 2 to 26 options) and prompted in MMLU's <c>original</c> or
/// <c>harness</c> style (optionally under a header of your own); shots are the first rows of each subject's few-shot
/// split, and answer-order permutation works as for MMLU. The spec:
/// <code>
/// { "name": "capitals", "title": "World capitals", "data": "capitals", "splits": ["test", "dev"],
///   "few_shot_split": "dev", "header": "Questions about {subject}.\n\n",
///   "categories": { "europe": "geography", "asia": "geography" } }
/// </code>
/// Only <c>name</c> and <c>data</c> are required. Register it to evaluate it by name (<c>mmlu run --benchmark spec.json</c>
/// does that).
/// </summary>
public sealed partial class CsvBenchmark : IBenchmark
{
    private const string DefaultCategory = "other";
    private readonly CsvBenchmarkSpec spec;

    private CsvBenchmark(CsvBenchmarkSpec spec, string name, string data)
    {
        this.spec = spec;
        Name = name;
        DefaultData = data;
        Splits = spec.Splits ?? ["test", "dev"];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string Title => spec.Title ?? Name;

    /// <inheritdoc />
    public IReadOnlyList<string> Splits { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Styles { get; } = [.. PromptStyle.All.Select(s => s.Name)];

    /// <summary>The data folder the spec names, resolved against the spec's folder.</summary>
    public string DefaultData { get; }

    /// <summary>Reads the spec at <paramref name="path"/>.</summary>
    /// <param name="path">The JSON spec file.</param>
    /// <exception cref="DatasetException">The file is missing, not JSON, or its name or data is missing or invalid; names the file.</exception>
    public static CsvBenchmark Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CsvBenchmarkSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize<CsvBenchmarkSpec>(DataFile.ReadAllBytes(path), JsonFiles.Options);
        }
        catch (JsonException e)
        {
            throw DatasetException.At(path, e.LineNumber is long line ? line + 1 : 0, $"not a benchmark spec ({e.Message})");
        }

        if (spec?.Name is not { } name || !ValidName().IsMatch(name))
        {
            throw DatasetException.At(path, 0, "\"name\" must be given: lower-case letters, digits, '-' and '_', starting with a letter");
        }

        if (string.IsNullOrWhiteSpace(spec.Data))
        {
            throw DatasetException.At(path, 0, "\"data\" must name the data folder (relative to the spec)");
        }

        if (spec.Splits is { Count: 0 })
        {
            throw DatasetException.At(path, 0, "\"splits\" must name at least one split");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return new CsvBenchmark(spec, name, Path.GetFullPath(Path.Combine(folder, spec.Data)));
    }

    /// <inheritdoc />
    public BenchmarkPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var style = PromptStyle.Parse(PlanChecks.Style(request, Name, Styles));
        if (spec.Header is { } header)
        {
            style = style with { HeaderTemplate = header };
        }

        PlanChecks.Split(request, Title, [.. Splits]);
        PlanChecks.Permutation(request);
        var directory = new MmluDirectory(request.Data, Name, anyOptionCount: true);
        var (items, sizes) = MmluBenchmark.FromDirectory(request, style, directory, spec.FewShotSplit ?? "dev");
        return new BenchmarkPlan(items, request.Split, request.Shots, style.Name, style.Version, CatalogueOf(sizes.Keys), request.Permute is null ? null : AnswerOrder.Analyze)
        {
            SubjectSizes = sizes,
        };
    }

    /// <summary>The subjects with their categories (a subject not listed is in <c>other</c>), categories in the spec's order.</summary>
    private Catalogue CatalogueOf(IEnumerable<string> subjects)
    {
        var categories = spec.Categories ?? new Dictionary<string, string>();
        var infos = subjects.ToDictionary(
            s => s, s => new SubjectInfo(s, categories.GetValueOrDefault(s, DefaultCategory), categories.GetValueOrDefault(s, DefaultCategory)), StringComparer.Ordinal);
        IReadOnlyList<string> order = [.. categories.Values.Append(DefaultCategory).Distinct(StringComparer.Ordinal)];
        return new Catalogue(Name, order, order, infos);
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
