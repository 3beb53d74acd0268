namespace MmluSharp.LlamaCpp.Gguf;

/// <summary>One tensor as the GGUF header describes it.</summary>
/// <param name="Name">e.g. <c>blk.0.attn_q.weight</c>.</param>
/// <param name="Dimensions">The shape, innermost first.</param>
/// <param name="Type">The ggml type id (0 = F32, 1 = F16, 8 = Q8_0, …).</param>
/// <param name="Offset">Byte offset inside the data section.</param>
internal sealed record GgufTensorInfo(string Name, IReadOnlyList<long> Dimensions, uint Type, long Offset)
{
    /// <summary>The number of elements (product of the dimensions).</summary>
    public long ElementCount => Dimensions.Aggregate(1L, (a, d) => checked(a * d));

    /// <summary>Bytes the tensor occupies, or <c>null</c> when the type is unknown to this reader.</summary>
    public long? ByteSize => GgmlTypes.ByteSize(Type, Dimensions);
}
