using System.Globalization;
using MmluSharp.LlamaCpp.Gguf;

namespace MmluSharp.LlamaCpp;

/// <summary>Reads a GGUF file's header (pure managed code, nothing native is loaded).</summary>
public static class GgufInspector
{
    /// <summary>Describes the model in <paramref name="path"/>.</summary>
    /// <exception cref="ModelLoadException">The file is missing, not GGUF, truncated, or has no weights.</exception>
    public static GgufModelInfo Read(string path) => Describe(GgufHeader.Read(path));

    internal static GgufModelInfo Describe(GgufHeader header)
    {
        var arch = header.GetString("general.architecture") ?? string.Empty;
        int Arch(string key) => (int)Math.Clamp(header.GetInteger($"{arch}.{key}") ?? 0, 0, int.MaxValue);

        var vocabulary = header.GetArray("tokenizer.ggml.tokens")?.Length ?? header.GetInteger($"{arch}.vocab_size") ?? 0;
        return new GgufModelInfo(
            header.Path,
            header.Version,
            arch,
            header.GetString("general.name"),
            ParameterCount(header),
            header.Tensors.Count,
            header.FileLength,
            (int)vocabulary,
            Arch("context_length"),
            Arch("embedding_length"),
            Arch("block_count"),
            FileType(header),
            header.GetString("tokenizer.chat_template"));
    }

    // Tensor shapes are only bounded one by one: their product or sum can overflow on a corrupt file.
    private static long ParameterCount(GgufHeader header)
    {
        try
        {
            return header.Tensors.Sum(t => t.ElementCount);
        }
        catch (OverflowException e)
        {
            throw new ModelLoadException($"{header.Path}: corrupt header (the tensors' element counts overflow)", e);
        }
    }

    private static string FileType(GgufHeader header)
    {
        if (header.GetInteger("general.file_type") is { } fileType)
        {
            return GgmlTypes.FileTypeName(fileType) ?? string.Create(CultureInfo.InvariantCulture, $"file type {fileType}");
        }

        // No declared type: name the type holding most of the weights.
        return header.Tensors
            .GroupBy(t => t.Type)
            .OrderByDescending(g => g.Sum(t => t.ElementCount))
            .Select(g => GgmlTypes.Name(g.Key))
            .First();
    }
}
