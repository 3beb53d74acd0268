using System.Globalization;
using System.Security.Cryptography;
using MmluSharp.Cli.Commands;
using MmluSharp.LlamaCpp;
using MmluSharp.Results;
using MmluSharp.Scoring;

namespace MmluSharp.Cli.Composition;

/// <summary>A GGUF file scored in-process with llama.cpp: header checked before any native call.</summary>
internal static class LocalModelSetup
{
    public static async Task<ScorerSetup> CreateAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(settings.Model!);
        var header = GgufInspector.Read(path);
        var sha256 = await HashAsync(path, cancellationToken).ConfigureAwait(false);
        var model = Load(path, new LlamaCppOptions
        {
            ContextSize = settings.Context,
            BatchSize = settings.Batch,
            MaxParallelSequences = settings.Parallel,
            Threads = settings.Threads ?? Environment.ProcessorCount,
            ExactKv = settings.ExactKv,
        });
        return new ScorerSetup(
            new LetterScorer(model),
            new ModelDescription(
                Path.GetFileNameWithoutExtension(path), path, header.FileSize, sha256, Parameters: header.ParameterCount, FileType: header.FileType),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["model_sha256"] = sha256, ["scoring"] = LetterScoring.Name },
            string.Create(CultureInfo.InvariantCulture, $"{header.ParameterCount:N0} parameters, {header.FileType}"),
            () => null,
            model);
    }

    // An option the model or the machine cannot honour, named as it is on the command line.
    private static LlamaCppModel Load(string path, LlamaCppOptions options)
    {
        try
        {
            return LlamaCppModel.Load(path, options);
        }
        catch (LlamaCppOptionException e)
        {
            var option = e.Option switch
            {
                nameof(LlamaCppOptions.ContextSize) => "--context",
                nameof(LlamaCppOptions.BatchSize) => "--batch",
                nameof(LlamaCppOptions.MaxParallelSequences) => "--parallel",
                nameof(LlamaCppOptions.Threads) => "--threads",
                _ => e.Option,
            };
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option} {e.Value}: {e.Problem}."), e);
        }
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }
}
