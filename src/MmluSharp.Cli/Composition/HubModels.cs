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

    /// <summary>Makes the model complete in the cache (downloading what is missing, with progress) and says where it came from.</summary>
    public static async Task<HubModel> DownloadAsync(HubReference reference, IAnsiConsole console, CancellationToken ct)
    {
        using var client = CreateClient();
        var model = await client.LocateAsync(reference, ct).ConfigureAwait(false);
        if (!model.IsComplete)
        {
            model = await new DatasetsDownloadView(console).RunAsync(progress => client.DownloadAsync(model, progress, ct)).ConfigureAwait(false);
        }

        console.MarkupLineInterpolated($"model: [bold]{reference}[/] from {client.Environment.EndpointText} → {Describe(model)}");
        return model;
    }

    /// <summary>E.g. <c>model-Q8_0.gguf at commit 0123456789ab (downloaded 62.5 MB)</c>.</summary>
    public static string Describe(HubModel model)
    {
        var files = model.Files.Count == 1 ? model.Files[0].Path : $"{model.Files[0].Path} and {model.Files.Count - 1} more parts";
        var how = model.Downloaded > 0
            ? string.Create(CultureInfo.InvariantCulture, $"downloaded {DatasetsDownloadView.Megabytes(model.Downloaded)} MB into {model.Files[0].LocalPath}")
            : model.AskedHub ? $"in the Hugging Face cache: {model.LocalPath}" : $"from the Hugging Face cache without asking the Hub: {model.LocalPath}";
        return $"{files} at commit {model.Commit[..12]} ({how})";
    }
}
