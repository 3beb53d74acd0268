using System.Globalization;
using MmluSharp.Cli.Commands;
using MmluSharp.LlamaCpp;
using MmluSharp.LlamaCpp.Chat;
using MmluSharp.Models.Hub;
using MmluSharp.Results;
using Spectre.Console;

namespace MmluSharp.Cli.Composition;

/// <summary>
/// A GGUF model scored in-process with llama.cpp: a local file, or one named on the Hugging Face Hub and fetched into its
/// cache. Loading checks the header (of every part of a split model) before any native call and hashes every file: the
/// SHA-256 identifies the run, so a resume with other weights is refused; a Hub file must still have the hash the Hub
/// reported.
/// </summary>
internal static class LocalModelSetup
{
    /// <summary>The tool's reply limit when neither --max-tokens nor the prompt style's reference sets one.</summary>
    private const int DefaultMaxTokens = 256;

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

    /// <summary>
    /// Loads the model. For <c>--scoring generate</c> its cache is sized for replies of the longest <c>--max-tokens</c>
    /// (at most half the context, so the prompt keeps the other half) and kept in F32, and the model answers through its
    /// chat client (prompts rendered here, decoded side by side).
    /// </summary>
    public static async Task<ModelSetup> CreateAsync(RunSettings settings, LocalModel located, EvaluationPlan plan, CancellationToken cancellationToken)
    {
        var generate = settings.Scoring == RunSettings.GenerateScoring;
        var options = new LlamaCppOptions
        {
            ContextSize = settings.Context,
            CacheSize = settings.KvCache,
            BatchSize = settings.Batch,
            MaxParallelSequences = settings.Parallel,
            Threads = settings.Threads ?? Environment.ProcessorCount,
            ExactKv = settings.ExactKv,
        };
        var requested = settings.MaxTokens ?? plan.Rendered.MaxNewTokens ?? DefaultMaxTokens;

        // An F16 cache rounds a question's attention differently depending on where its cells sit among the other
        // questions' (its reply could change with its neighbours, and a resumed run would not repeat an uninterrupted
        // one); with F32 cells the replies equal one-question-at-a-time decoding.
        var model = await LlamaCppModel.LoadAsync(located.Path, generate ? options.ForGeneration(requested) : options, cancellationToken).ConfigureAwait(false);
        try
        {
            var description = located.Hub is { } hub ? WithHub(model.Description, hub) : null;
            var gguf = model.Gguf;
            var summary = string.Create(
                CultureInfo.InvariantCulture, $"{gguf.ParameterCount:N0} parameters, {gguf.FileType}{(gguf.Files > 1 ? $", {gguf.Files} files" : string.Empty)}");
            if (!generate)
            {
                return ModelSetup.Of(model, model.Description.Name, description, null, summary) with { Local = model };
            }

            // For a local model the reply may take at most half the context, so the prompt keeps the other half.
            var maxTokens = settings.MaxTokens ?? Math.Min(requested, Math.Max(1, model.Info.ContextLength / 2));
            var client = model.AsIChatClient();
            return new ModelSetup(
                (p, progress, ct) => client.EvaluateAsync(p.WithOptions(p.Options with { MaxOutputTokens = maxTokens }), progress, ct),
                model.Description.Name,
                description,
                null,
                summary,
                model)
            {
                Local = model,
            };
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The description of a model named on the Hub: its files under their paths in the repository and where it came from.
    /// A cached file that no longer has the SHA-256 the Hub reported was damaged on disk: say so, and how to fix it.
    /// </summary>
    private static ModelDescription WithHub(ModelDescription description, HubModel hub)
    {
        var files = description.Files ?? [new ModelFile(Path.GetFileName(description.Path!), description.FileSize ?? 0, description.Sha256!)];
        foreach (var (file, expected) in files.Zip(hub.Files))
        {
            if (expected.Sha256 is { } sha && !string.Equals(sha, file.Sha256, StringComparison.Ordinal))
            {
                throw new HubException($"{expected.LocalPath}: the cached file's SHA-256 is {file.Sha256}, not the {sha} the Hub reported; delete it (and its blob) and run again");
            }
        }

        var source = new HubSource(
            hub.Reference.ToString(), hub.Reference.Repository, hub.Reference.RevisionOrDefault, hub.Commit, HubEnvironment.Current.EndpointText);
        return description with { Files = [.. files.Zip(hub.Files, (f, h) => f with { Path = h.Path })], Hub = source };
    }
}
