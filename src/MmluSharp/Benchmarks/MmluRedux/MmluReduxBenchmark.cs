using System.Collections.Frozen;
using MmluSharp.Datasets;
using MmluSharp.Datasets.Download;
using MmluSharp.Prompting;
using MmluSharp.Running;

namespace MmluSharp.Benchmarks.MmluRedux;

/// <summary>
/// MMLU-Redux (Gema et al., "Are We Done with MMLU?"): 5,700 MMLU test questions (100 per subject) re-annotated,
/// read from the raw files of aryopg/mmlu-redux. Questions keep MMLU's gold and are prompted as MMLU's
/// (<c>original</c> or <c>harness</c> style); the run's <see cref="BenchmarkPlan.Analyze"/> adds the accuracy on
/// <c>ok</c> questions and against the annotators' corrected answers (<see cref="ReduxAnalysis"/>).
/// Few-shot examples are the first K rows of MMLU's <c>dev</c> split, from an MMLU folder (original layout) beside
/// the Redux folder: <c>&lt;data&gt;/../mmlu/dev</c>, as in the shared data and the download cache.
/// </summary>
internal sealed class MmluReduxBenchmark : IBenchmark
{
    /// <summary>The sibling folder holding MMLU in the original layout, for few-shot examples.</summary>
    public const string MmluSibling = "mmlu";

    public string Name => ReduxReader.Benchmark;

    public string Title => "MMLU-Redux";

    public IReadOnlyList<string> Splits { get; } = [ReduxReader.Split];

    /// <summary>GitHub aryopg/mmlu-redux pinned to a commit (the raw annotation CSVs), every file's SHA-256 checked.</summary>
    public DatasetSource Source { get; } = new(
        "mmlu-redux",
        "GitHub aryopg/mmlu-redux @ 4563cfa7 (mmlu_redux/, the raw annotation CSVs)",
        "https://raw.githubusercontent.com/aryopg/mmlu-redux/4563cfa79b659d76716e5b6019f46bba85fa02db/mmlu_redux",
        KnownHashes.Parse(KnownHashes.MmluRedux),
        "mmlu_<subject>.csv",
        ["mmlu_abstract_algebra.csv"],
        null,
        "CC BY 4.0",
        2_600_000);

    public IReadOnlyList<string> Styles { get; } = [.. PromptStyle.All.Select(s => s.Name)];

    public BenchmarkPlan Plan(PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var style = PromptStyle.Parse(PlanChecks.Style(request, Name, Styles));
        PlanChecks.Split(request, "MMLU-Redux", ReduxReader.Split);
        PlanChecks.Shots(request, 5, "each MMLU dev file has 5 rows");
        PlanChecks.NoPermutation(request, "is not available for mmlu-redux: its analysis scores each question once.");

        var files = new ReduxDirectory(request.Data).Read(request.Subjects);
        var shots = request.Shots == 0 ? null : ShotSource(request);
        var items = new List<PromptedQuestion>();
        foreach (var file in files)
        {
            var examples = shots is null ? [] : shots.Read("dev", file.Subject);
            if (examples.Count < request.Shots)
            {
                throw DatasetException.At(shots!.FileOf("dev", file.Subject), 0, $"has {examples.Count} rows; {request.Shots} shots were asked for");
            }

            var context = PromptBuilder.ForSubject(style, file.Subject, [.. examples.Take(request.Shots)]);
            var rows = request.Limit is int n ? file.Rows.Take(n) : file.Rows;
            items.AddRange(rows.Select(row => new PromptedQuestion(row.Question, context.Build(row.Question), style.Continuations(row.Question.Choices.Count))));
        }

        var annotations = files.SelectMany(f => f.Rows)
            .ToFrozenDictionary(r => PromptedQuestion.KeyOf(r.Question.Subject, r.Question.Index), StringComparer.Ordinal);
        var notes = files.SelectMany(f => f.Notes).ToList();
        return new BenchmarkPlan(
            items, ReduxReader.Split, request.Shots, style.Name, style.Version, MmluCatalogue.For(request.Grouping),
            samples => ReduxAnalysis.Analyze(annotations, notes, samples))
        {
            SubjectSizes = files.ToDictionary(f => f.Subject, f => f.Rows.Count, StringComparer.Ordinal),
        };
    }

    /// <summary>The MMLU folder beside the Redux one, which must have a <c>dev</c> split.</summary>
    /// <exception cref="OptionException">There is none.</exception>
    private static MmluDirectory ShotSource(PlanRequest request)
    {
        var redux = Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.Data));
        var mmlu = Path.Combine(Path.GetDirectoryName(redux) ?? redux, MmluSibling);
        if (!Directory.Exists(Path.Combine(mmlu, "dev")))
        {
            throw OptionException.Mentioning(
                nameof(EvaluationOptions.Shots),
                $"{request.Shots} on MMLU-Redux needs MMLU's dev split: expected MMLU in the original layout at {mmlu} (with dev/<subject>_dev.csv), beside the Redux folder. Put it there (e.g. 'mmlu datasets download mmlu') or ask for {OptionException.Mention(nameof(EvaluationOptions.Shots))} 0.");
        }

        return new MmluDirectory(mmlu);
    }
}
