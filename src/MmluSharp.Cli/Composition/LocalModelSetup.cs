using System.Globalization;
using System.Security.Cryptography;
using MmluSharp.Cli.Commands;
using MmluSharp.LlamaCpp;
using MmluSharp.Models;
using MmluSharp.Models.Hub;
using MmluSharp.Results;
using MmluSharp.Scoring;
using Spectre.Console;

namespace MmluSharp.Cli.Composition;

/// <summary>
/// A GGUF model scored in-process with llama.cpp: a local file, or one named on the Hugging Face Hub and fetched into its
/// cache. The header (of every part of a split model) is checked before any native call, and every file is hashed: the
/// SHA-256 identifies the run, so a resume with other weights is refused.
/// </summary>
internal static class LocalModelSetup
{
    /// <summary>
    /// The GGUF <paramref name="model"/> names: a local path (which wins when it exists), or a Hub reference made
    /// complete in the Hugging Face cache (download progress goes to <paramref name="console"/>).
    /// </summary>
    public static async Task<LocalModel> LocateAsync(string model, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (HubModels.ReferenceFor(model) is { } reference)
        {
            var hub = await HubModels.DownloadAsync(reference, console, cancellationToken).ConfigureAwait(false);
            return new LocalModel(hub.LocalPath, hub);
        }

        return new LocalModel(Path.GetFullPath(model), null);
    }

    public static async Task<ScorerSetup> CreateAsync(RunSettings settings, LocalModel located, CancellationToken cancellationToken)
    {
        var (path, hub) = (located.Path, located.Hub);
        var header = GgufInspector.Read(path);
        var parts = header.Files == 1 ? [path] : GgufSplitName.Parse(path)!.PartPaths();
        var (sha256, files) = await HashAsync(parts, cancellationToken).ConfigureAwait(false);
        if (hub is not null)
        {
            Verify(hub, files);
            files = [.. files.Zip(hub.Files, (f, h) => f with { Path = h.Path })];
        }

        var model = Load(path, new LlamaCppOptions
        {
            ContextSize = settings.Context,
            BatchSize = settings.Batch,
            MaxParallelSequences = settings.Parallel,
            Threads = settings.Threads ?? Environment.ProcessorCount,
            ExactKv = settings.ExactKv,
        });
        var source = hub is null ? null : new HubSource(
            hub.Reference.ToString(), hub.Reference.Repository, hub.Reference.RevisionOrDefault, hub.Commit, HubEnvironment.Current.EndpointText);
        return new ScorerSetup(
            new LetterScorer(model),
            new ModelDescription(
                located.Name, path, header.FileSize, sha256, Parameters: header.ParameterCount, FileType: header.FileType,
                Files: files.Count > 1 || hub is not null ? files : null, Hub: source),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["model_sha256"] = sha256, ["scoring"] = LetterScoring.Name },
            string.Create(CultureInfo.InvariantCulture, $"{header.ParameterCount:N0} parameters, {header.FileType}{(parts.Count > 1 ? $", {parts.Count} files" : string.Empty)}"),
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

    /// <summary>Each file's SHA-256 and the SHA-256 of all their bytes in order (the file's own for a single file), in one read.</summary>
    private static async Task<(string Sha256, IReadOnlyList<ModelFile> Files)> HashAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = new List<ModelFile>(paths.Count);
        var buffer = new byte[1 << 20];
        foreach (var path in paths)
        {
            using var one = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan | FileOptions.Asynchronous);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                one.AppendData(buffer, 0, read);
                all.AppendData(buffer, 0, read);
            }

            files.Add(new ModelFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(one.GetHashAndReset())));
        }

        return (Convert.ToHexStringLower(all.GetHashAndReset()), files);
    }

    /// <summary>A cached file that no longer has the SHA-256 the Hub reported was damaged on disk: say so, and how to fix it.</summary>
    private static void Verify(HubModel hub, IReadOnlyList<ModelFile> files)
    {
        foreach (var (file, expected) in files.Zip(hub.Files))
        {
            if (expected.Sha256 is { } sha && !string.Equals(sha, file.Sha256, StringComparison.Ordinal))
            {
                throw new HubException($"{expected.LocalPath}: the cached file's SHA-256 is {file.Sha256}, not the {sha} the Hub reported; delete it (and its blob) and run again");
            }
        }
    }
}
