using MmluSharp.LlamaCpp.Gguf;

namespace MmluSharp.LlamaCpp.Limits;

/// <summary>
/// The bytes llama.cpp allocates for the key/value cache, computed from the GGUF header the way llama.cpp sizes it:
/// the context rounded up to 256 cells, times every layer's <c>head_count_kv × (key_length + value_length)</c>
/// elements, at 2 bytes (F16) or 4 (F32). With a unified cache the size does not depend on the number of sequences.
/// </summary>
internal static class KvCacheSize
{
    /// <summary>llama.cpp pads the context to a multiple of this many cells.</summary>
    public const int CellPadding = 256;

    // More layers than any model has: a corrupt header, whose size is not estimated.
    private const long MaxLayers = 100_000;

    /// <summary>The cache's size in bytes, or 0 when the header does not say enough to tell.</summary>
    public static long Bytes(GgufHeader header, long contextSize, bool f32)
    {
        var perCell = ElementsPerCell(header);
        var cells = (contextSize + CellPadding - 1) / CellPadding * CellPadding;
        return perCell == 0 ? 0 : checked(cells * perCell * (f32 ? 4 : 2));
    }

    /// <summary>The number of layers, for messages (0 when absent).</summary>
    public static long Layers(GgufHeader header) => header.GetInteger(Key(header, "block_count")) ?? 0;

    // Σ over layers of head_count_kv × (key_length + value_length); per-layer arrays are summed.
    private static long ElementsPerCell(GgufHeader header)
    {
        var layers = Layers(header);
        var embedding = header.GetInteger(Key(header, "embedding_length")) ?? 0;
        var heads = PerLayer(header, "attention.head_count", layers);
        if (layers is <= 0 or > MaxLayers || embedding <= 0 || heads is null || heads.Any(h => h <= 0))
        {
            return 0;
        }

        var headsKv = PerLayer(header, "attention.head_count_kv", layers) ?? heads;
        long total = 0;
        for (var layer = 0; layer < layers; layer++)
        {
            var headSize = embedding / heads[layer];
            var key = header.GetInteger(Key(header, "attention.key_length")) ?? headSize;
            var value = header.GetInteger(Key(header, "attention.value_length")) ?? headSize;
            total = checked(total + (headsKv[layer] * (key + value)));
        }

        return total;
    }

    // A per-layer value stored once (an integer) or per layer (an array kept by the reader); null when unknown.
    private static long[]? PerLayer(GgufHeader header, string name, long layers)
    {
        var key = Key(header, name);
        if (layers is <= 0 or > MaxLayers)
        {
            return null;
        }

        if (header.GetInteger(key) is { } one)
        {
            return [.. Enumerable.Repeat(one, (int)layers)];
        }

        if (header.GetArray(key) is { Items: { } items } && items.Count == layers && items.All(i => i is long or ulong))
        {
            return [.. items.Select(i => i is long l ? l : (long)Math.Min((ulong)i, long.MaxValue))];
        }

        return null;
    }

    private static string Key(GgufHeader header, string name) => $"{header.GetString("general.architecture")}.{name}";
}
