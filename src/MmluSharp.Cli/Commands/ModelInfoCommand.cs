using System.ComponentModel;
using System.Globalization;
using MmluSharp.LlamaCpp;
using Spectre.Console;
using Spectre.Console.Cli;

namespace MmluSharp.Cli.Commands;

[Description("Architecture, parameters, vocabulary, context length and chat template of a GGUF file, read from its header (no weights are loaded).")]
internal sealed class ModelInfoCommand(IAnsiConsole console) : Command<ModelInfoSettings>
{
    public override int Execute(CommandContext context, ModelInfoSettings settings, CancellationToken cancellationToken)
    {
        var info = GgufInspector.Read(settings.File);
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string key, string value) => grid.AddRow(new Text(key), new Text(value));
        Row("file", info.Path);
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
