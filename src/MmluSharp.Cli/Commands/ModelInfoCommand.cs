using System.ComponentModel;
using System.Globalization;
using MmluSharp.Cli.Composition;
using MmluSharp.LlamaCpp;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Architecture, parameters, vocabulary, context length and chat template of a GGUF model, read from its header (no weights are loaded). A Hugging Face reference shows the cached copy, or reads the header from the Hub.")]
internal sealed class ModelInfoCommand(IAnsiConsole console) : AsyncCommand<ModelInfoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ModelInfoSettings settings, CancellationToken cancellationToken)
    {
        GgufModelInfo info;
        string? source = null;
        if (HubModels.ReferenceFor(settings.File) is { } reference)
        {
            using var client = HubModels.CreateClient();
            var model = await client.LocateAsync(reference, cancellationToken).ConfigureAwait(false);
            if (model.IsComplete)
            {
                info = GgufInspector.Read(model.LocalPath);
                source = $"{reference} at commit {model.Commit} (cached)";
            }
            else
            {
                var (remote, read) = await GgufInspector.ReadFromHubAsync(client, model, cancellationToken).ConfigureAwait(false);
                info = remote;
                source = $"{reference} at commit {model.Commit} (not downloaded: header read from {client.Environment.EndpointText}, {Number(read)} bytes)";
            }
        }
        else
        {
            info = GgufInspector.Read(settings.File);
        }

        var grid = new Grid().AddColumn().AddColumn();
        void Row(string key, string value) => grid.AddRow(new Text(key), new Text(value));
        if (source is not null)
        {
            Row("hub", source);
        }

        Row("file", info.Path);
        if (info.Files > 1)
        {
            Row("files", $"{Number(info.Files)} (a split model; sizes and counts are over all of them)");
        }

        Row("name", info.Name ?? "(none)");
        Row("architecture", info.Architecture);
        Row("parameters", Number(info.ParameterCount));
        Row("file size", $"{Number(info.FileSize)} bytes");
        Row("type", info.FileType);
        Row("vocabulary", Number(info.VocabularySize));
        Row("context length", Number(info.ContextLength));
        Row("embedding", Number(info.EmbeddingLength));
        Row("blocks", Number(info.BlockCount));
        Row("tensors", Number(info.TensorCount));
        Row("gguf version", Number(info.GgufVersion));
        Row("chat template", info.ChatTemplate is null ? "(none)" : $"{info.ChatTemplate.Length} chars");
        console.Write(grid);
        if (info.ChatTemplate is not null)
        {
            console.WriteLine();
            console.Write(new Panel(new Text(info.ChatTemplate)).Header("chat template"));
        }

        return 0;
    }

    private static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
