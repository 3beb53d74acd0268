namespace MmluSharp.Cli.Terminal;

/// <summary>
/// The command line's name for each option the library names in its errors (<see cref="OptionException.Option"/>):
/// <c>Shots</c> → <c>--shots</c>.
/// </summary>
internal static class OptionNames
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        [nameof(EvaluationOptions.Benchmark)] = "--benchmark",
        [nameof(EvaluationOptions.Data)] = "--data",
        [nameof(EvaluationOptions.Split)] = "--split",
        [nameof(EvaluationOptions.Shots)] = "--shots",
        [nameof(EvaluationOptions.Style)] = "--style",
        [nameof(EvaluationOptions.Subjects)] = "--subjects",
        [nameof(EvaluationOptions.Limit)] = "--limit",
        [nameof(EvaluationOptions.MaxSamples)] = "--max-samples",
        [nameof(EvaluationOptions.Permutation)] = "--permute",
        [nameof(EvaluationOptions.Grouping)] = "--grouping",
        [nameof(EvaluationOptions.Shard)] = "--shard",
        [nameof(EvaluationOptions.Extraction)] = "--extract",
        [nameof(EvaluationOptions.MaxOutputTokens)] = "--max-tokens",
        [nameof(EvaluationOptions.Concurrency)] = "--concurrency",
        [nameof(EvaluationOptions.OutputFolder)] = "--out",
        [nameof(EvaluationOptions.RescoreChanged)] = "--rescore-changed",
        [nameof(MmluSharp.Datasets.Download.DownloadRequest.Force)] = "--force",
        [nameof(MmluSharp.Datasets.Download.DownloadRequest.Target)] = "--to",
        [nameof(MmluSharp.Datasets.Download.DownloadRequest.MaxUnpackedBytes)] = $"--max-unpacked or {MmluSharp.Datasets.Download.DatasetDownloader.MaxUnpackedVariable}",
        [nameof(LlamaCpp.LlamaCppOptions.ContextSize)] = "--context",
        [nameof(LlamaCpp.LlamaCppOptions.BatchSize)] = "--batch",
        [nameof(LlamaCpp.LlamaCppOptions.MaxParallelSequences)] = "--parallel",
        [nameof(LlamaCpp.LlamaCppOptions.Threads)] = "--threads",
    };

    /// <summary>The flag for <paramref name="option"/>, or the name itself when the command line has none.</summary>
    public static string FlagOf(string option) => Flags.GetValueOrDefault(option, option);

    /// <summary>The exception's message as the command line says it, ending in a full stop.</summary>
    public static string Describe(OptionException exception)
    {
        var line = exception.Describe(FlagOf);
        return line.EndsWith('.') ? line : line + ".";
    }
}
