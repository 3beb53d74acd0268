using System.Globalization;
using MmluSharp.Cli.Commands;
using MmluSharp.Models.Hub;
using Spectre.Console;

namespace MmluSharp.Cli.Composition;

/// <summary>
/// <c>--model</c> as a Hugging Face reference: a local path always wins when it exists; otherwise a text of the Hub's
/// forms is resolved with the <c>HF_*</c> environment and downloaded into the Hugging Face cache, with progress.
/// </summary>
internal static class HubModels
{
    /// <summary>The Hub reference <paramref name="model"/> is, or null when it is a local path (existing or not).</summary>
    public static HubReference? ReferenceFor(string model) => Path.Exists(model) ? null : HubReference.TryParse(model);

    /// <summary>A client for this process's HF_* environment.</summary>
    public static HubClient CreateClient() => new(HubEnvironment.Current, userAgent: "mmlusharp");

    /// <summary>Makes the model complete in the cache, downloading what is missing with progress on <paramref name="console"/>.</summary>
    public static async Task<HubModel> DownloadAsync(HubReference reference, IAnsiConsole console, CancellationToken ct)
    {
        using var client = CreateClient();
        var model = await client.LocateAsync(reference, ct).ConfigureAwait(false);
        return model.IsComplete
            ? model
            : await new DatasetsDownloadView(console).RunAsync(progress => client.DownloadAsync(model, progress, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Where the model came from, e.g. <c>owner/repo:Q8_0 from https://huggingface.co → model-Q8_0.gguf at commit
    /// 0123456789ab (downloaded 62.5 MB into …)</c>.
    /// </summary>
    public static string Describe(HubModel model)
    {
        var endpoint = HubEnvironment.Current.EndpointText;
        var files = model.Files.Count == 1 ? model.Files[0].Path : $"{model.Files[0].Path} and {model.Files.Count - 1} more parts";
        var how = model.Downloaded > 0
            ? string.Create(CultureInfo.InvariantCulture, $"downloaded {DatasetsDownloadView.Megabytes(model.Downloaded)} MB into {model.Files[0].LocalPath}")
            : model.AskedHub ? $"in the Hugging Face cache: {model.LocalPath}" : $"from the Hugging Face cache without asking the Hub: {model.LocalPath}";
        return $"{model.Reference} from {endpoint} → {files} at commit {model.Commit[..12]} ({how})";
    }
}
