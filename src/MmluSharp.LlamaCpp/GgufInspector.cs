using System.Globalization;
using MmluSharp.LlamaCpp.Gguf;
using MmluSharp.Models;
using MmluSharp.Models.Hub;

namespace MmluSharp.LlamaCpp;

/// <summary>Reads a GGUF file's header (pure managed code, nothing native is loaded).</summary>
public static class GgufInspector
{
    /// <summary>
    /// Describes the model in <paramref name="path"/>: a single file, or the first part of a split set
    /// (<c>…-00001-of-00003.gguf</c>), whose parts are all read and checked.
    /// </summary>
    /// <exception cref="ModelLoadException">A file is missing, not GGUF, truncated, has no weights, or the set is inconsistent.</exception>
    public static GgufModelInfo Read(string path) => Describe(ReadSet(path));

    /// <summary>
    /// What the header of a model on the Hugging Face Hub says, read with range requests (each file's first MiB, then
    /// more until its header fits) instead of downloading the weights; also the bytes read.
    /// </summary>
    /// <param name="client">The Hub client.</param>
    /// <param name="model">The located model (<see cref="HubClient.LocateAsync"/>).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <exception cref="ModelLoadException">A header is not a GGUF header, or does not fit in 64 MiB.</exception>
    /// <exception cref="HubException">The Hub refused a request, or gives no size for a file.</exception>
    public static Task<(GgufModelInfo Info, long BytesRead)> ReadFromHubAsync(HubClient client, HubModel model, CancellationToken cancellationToken = default) =>
        Gguf.RemoteGgufHeader.ReadAsync(client, model, cancellationToken);

    /// <summary>The headers of the file at <paramref name="path"/> and, for a split set, of its other parts.</summary>
    internal static IReadOnlyList<GgufHeader> ReadSet(string path)
    {
        var first = GgufHeader.Read(path);
        var name = GgufSplitName.Parse(Path.GetFileName(path));
        if (first.SplitCount <= 1)
        {
            return [first];
        }

        if (name is not { IsSplit: true } || name.Count != first.SplitCount)
        {
            throw ModelLoadException.For(path, string.Create(CultureInfo.InvariantCulture,
                $"split.count is {first.SplitCount} but the name is not <name>-00001-of-{first.SplitCount:D5}.gguf, which llama.cpp needs to find the other parts"));
        }

        if (first.SplitIndex != 0 || name.Index != 1)
        {
            throw ModelLoadException.For(path, string.Create(CultureInfo.InvariantCulture,
                $"is part {name.Index} of {name.Count} of a split model; pass the first part, {Path.GetFileName(name.PartPath(1))}"));
        }

        var folder = Path.GetDirectoryName(path) ?? string.Empty;
        var headers = new List<GgufHeader> { first };
        for (var i = 2; i <= name.Count; i++)
        {
            var part = Path.Combine(folder, Path.GetFileName(name.PartPath(i)));
            if (!File.Exists(part))
            {
                throw ModelLoadException.For(part, string.Create(CultureInfo.InvariantCulture, $"file not found (part {i} of {name.Count} of {Path.GetFileName(path)})"));
            }

            headers.Add(GgufHeader.Read(part));
        }

        CheckSet(headers);
        return headers;
    }

    /// <summary>Checks that the parts of a split set number and tensors agree (llama.cpp refuses them otherwise).</summary>
    internal static void CheckSet(IReadOnlyList<GgufHeader> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].SplitIndex != i || headers[i].SplitCount != headers.Count)
            {
                throw ModelLoadException.For(headers[i].Path, string.Create(CultureInfo.InvariantCulture,
                    $"says it is part {headers[i].SplitIndex + 1} of {headers[i].SplitCount}, expected part {i + 1} of {headers.Count}"));
            }
        }

        var declared = headers[0].GetInteger("split.tensors.count");
        var total = headers.Sum(h => h.Tensors.Count);
        if (declared is { } d && d != total)
        {
            throw ModelLoadException.For(headers[0].Path, string.Create(CultureInfo.InvariantCulture, $"split.tensors.count is {d} but the parts hold {total} tensors"));
        }

        if (total == 0)
        {
            throw ModelLoadException.For(headers[0].Path, "vocabulary-only GGUF, no weights");
        }
    }

    internal static GgufModelInfo Describe(GgufHeader header) => Describe([header]);

    /// <summary>Describes a model from the headers of its files (one, or every part of a split set in order).</summary>
    internal static GgufModelInfo Describe(IReadOnlyList<GgufHeader> headers)
    {
        var header = headers[0];
        var arch = header.GetString("general.architecture") ?? string.Empty;
        int Arch(string key) => (int)Math.Clamp(header.GetInteger($"{arch}.{key}") ?? 0, 0, int.MaxValue);

        var tensors = headers.SelectMany(h => h.Tensors).ToList();
        var vocabulary = header.GetArray("tokenizer.ggml.tokens")?.Length ?? header.GetInteger($"{arch}.vocab_size") ?? 0;
        return new GgufModelInfo(
            header.Path,
            header.Version,
            arch,
            header.GetString("general.name"),
            ParameterCount(header.Path, tensors),
            tensors.Count,
            headers.Sum(h => h.FileLength),
            (int)vocabulary,
            Arch("context_length"),
            Arch("embedding_length"),
            Arch("block_count"),
            FileType(header, tensors),
            header.GetString("tokenizer.chat_template"),
            headers.Count);
    }

    // Tensor shapes are only bounded one by one: their product or sum can overflow on a corrupt file.
    private static long ParameterCount(string path, IReadOnlyList<GgufTensorInfo> tensors)
    {
        try
        {
            return tensors.Sum(t => t.ElementCount);
        }
        catch (OverflowException e)
        {
            throw new ModelLoadException($"{path}: corrupt header (the tensors' element counts overflow)", e);
        }
    }

    private static string FileType(GgufHeader header, IReadOnlyList<GgufTensorInfo> tensors)
    {
        if (header.GetInteger("general.file_type") is { } fileType)
        {
            return GgmlTypes.FileTypeName(fileType) ?? string.Create(CultureInfo.InvariantCulture, $"file type {fileType}");
        }

        // No declared type: name the type holding most of the weights.
        return tensors
            .GroupBy(t => t.Type)
            .OrderByDescending(g => g.Sum(t => t.ElementCount))
            .Select(g => GgmlTypes.Name(g.Key))
            .First();
    }
}
